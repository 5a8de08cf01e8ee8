import Foundation
import Monitor
import ProxyLiteAPI

/// Purchased static IPs with expiry; those expiring within 7 days stand out.
enum StaticIPsScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.staticIPs
        let ips = state.value ?? []
        let shown = context.lists.staticIPs
        let expiring = ips.filter { ($0.expiresAt.map { $0.timeIntervalSince(context.now) } ?? -1).isBetween(0, 7 * 86_400) }.count
        let filter =
            (context.ui.staticIPFilter.isEmpty ? "" : UIText.staticIPsFilter(context.ui.staticIPFilter))
            + (context.ui.ipMarks.isEmpty ? "" : UIText.staticIPsMarked(context.ui.ipMarks.count))
        guard
            let tableArea = PaneStatus.frame(
                UIText.staticIPsTitle(shown.count, ips.count)
                    + "\(filter)\(UnreadableText.title(UnreadableText.count(ips) { $0.unreadable }))",
                note: UIText.expireWithin7(expiring), state: state,
                context: context, area: area, into: &buffer)
        else { return }
        let columns = StaticIPsColumns.all
        let cellContext = ColumnContext.dashboard(context)
        PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.staticIPs) {
            row(ips[shown[$0]], context: context, cellContext: cellContext)
        }.render(into: &buffer, area: tableArea)
    }

    static func row(_ ip: StaticIP, context: RenderContext, cellContext: ColumnContext) -> TableRow {
        let mark = PaneTable.Mark(
            column: "ip", marked: ip.hasIdentity && context.ui.ipMarks.contains(ip.identity), any: !context.ui.ipMarks.isEmpty)
        let expired = (cellContext.daysLeft(ip.expiresAt) ?? 1) < 0
        return PaneTable.row(
            ip, columns: StaticIPsColumns.all, unreadable: ip.unreadable, context: cellContext, role: expired ? .dim : .normal, mark: mark)
    }
}

extension Double {
    func isBetween(_ low: Double, _ high: Double) -> Bool { self >= low && self <= high }
}
