import Foundation
import Monitor
import ProxyLiteAPI

/// IPs allowed to use the proxies without a password (proxy-ip/list).
enum WhitelistScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.whitelist
        let ips = state.value ?? []
        let shown = context.lists.whitelist
        let marks = context.ui.whitelistMarks.isEmpty ? "" : UIText.accountsMarked(context.ui.whitelistMarks.count)
        let mine =
            context.ui.sshClientIP.map { ip in ips.contains { $0.ip == ip } ? UIText.yourIPListed(ip) : UIText.yourIPNotListed(ip) }
            ?? ""
        let unreadable = UnreadableText.title(UnreadableText.count(ips) { $0.unreadable })
        guard
            let tableArea = PaneStatus.frame(
                UIText.whitelistTitle(ips.count) + marks + unreadable, note: mine, state: state, context: context, area: area,
                into: &buffer)
        else { return }
        if ips.isEmpty {
            buffer.put(UIText.whitelistEmpty(), x: tableArea.x + 1, y: tableArea.y + 1, role: .dim, clip: tableArea)
            return
        }
        let columns = WhitelistColumns.all
        let cellContext = ColumnContext.dashboard(context)
        let marked = context.ui.whitelistMarks
        PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.whitelist) { index in
            let ip = ips[shown[index]]
            let mark = PaneTable.Mark(column: "ip", marked: ip.hasIdentity && marked.contains(ip.ip), any: !marked.isEmpty)
            return PaneTable.row(ip, columns: columns, unreadable: ip.unreadable, context: cellContext, mark: mark)
        }.render(into: &buffer, area: tableArea)
    }
}
