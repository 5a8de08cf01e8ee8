import Foundation
import Monitor
import ProxyLiteAPI

/// Purchased packages (user-product/list, every page) with days left; the summary totals on top.
enum PackagesScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.packages
        let packages = state.value ?? []
        let shown = context.lists.packages
        let cellContext = ColumnContext.dashboard(context)
        let soon = packages.filter { PackagesColumns.soon($0, cellContext) }.count
        let filter =
            context.ui.packageTypeFilter.map {
                UIText.packagesTypeFilter(ModelText.productType($0, section: PurchasedPackage.productTypeSection))
            } ?? ""
        guard
            let content = PaneStatus.frame(
                UIText.packagesTitle(shown.count, packages.count)
                    + "\(filter)\(UnreadableText.title(UnreadableText.count(packages) { $0.unreadable }))",
                note: soon > 0 ? UIText.expireWithin7(soon) : "", state: state,
                context: context, area: area, into: &buffer)
        else { return }
        var tableArea = content
        if let summary = context.snapshot.summary.value, content.height > 4 {
            let line =
                UIText.packagesSummary(
                    ByteFormat.human(summary.totalBytes), summary.totalCount, ByteFormat.human(summary.effectiveBytes),
                    ByteFormat.human(summary.effectiveTotalBytes), ByteFormat.human(summary.expiringBytes), summary.expiringCount,
                    ByteFormat.human(summary.expiredBytes), summary.expiredCount, ByteFormat.human(summary.usedBytes))
            buffer.put(line, x: content.x + 1, y: content.y, role: .accent, clip: content)
            tableArea = content.rows(1, content.height)
        }
        if let unused = context.snapshot.history.projection?.expiringUnused, unused > 0, tableArea.height > 4 {
            let line =
                UIText.packagesUnused(ByteFormat.human(unused))
            buffer.put(line, x: tableArea.x + 1, y: tableArea.y, role: .warning, clip: tableArea)
            tableArea = tableArea.rows(1, tableArea.height)
        }
        let columns = PackagesColumns.all
        PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.packages) {
            let p = packages[shown[$0]]
            let expired = (cellContext.daysLeft(p.expiresAt) ?? 1) < 0
            return PaneTable.row(p, columns: columns, unreadable: p.unreadable, context: cellContext, role: expired ? .dim : .normal)
        }.render(into: &buffer, area: tableArea)
    }
}
