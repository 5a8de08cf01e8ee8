import Foundation
import Monitor
import ProxyLiteAPI

/// Purchased packages (user-product/list, every page) with days left; the summary totals on top.
enum PackagesScreen {
    static let columns: [TableColumn] = [
        TableColumn("ID", .fixed(7), .right), TableColumn("TYPE", .flex(min: 10)), TableColumn("ORDER", .flex(min: 12)),
        TableColumn("TRADE NO", .fixed(28)), TableColumn("CREATED", .fixed(10)), TableColumn("EXPIRES", .fixed(10)),
        TableColumn("LEFT", .fixed(7), .right),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.packages
        let packages = state.value ?? []
        let shown = context.lists.packages
        let soon = packages.filter { daysLeft($0, context.now).map { $0 >= 0 && $0 <= 7 } ?? false }.count
        let filter = context.ui.packageTypeFilter.map { "  type: \($0.label(in: PurchasedPackage.productTypeSection))" } ?? ""
        guard
            let content = PaneStatus.frame(
                "Packages \(shown.count) / \(packages.count)\(filter)\(UnreadableText.title(UnreadableText.count(packages) { $0.unreadable }))",
                note: soon > 0 ? "\(soon) expire within 7 days" : "", state: state,
                context: context, area: area, into: &buffer)
        else { return }
        var tableArea = content
        if let summary = context.snapshot.summary.value, content.height > 4 {
            let line =
                "total \(ByteFormat.human(summary.totalBytes)) (\(summary.totalCount)) · left \(ByteFormat.human(summary.effectiveBytes))"
                + " of \(ByteFormat.human(summary.effectiveTotalBytes)) · expiring 7d \(ByteFormat.human(summary.expiringBytes))"
                + " (\(summary.expiringCount)) · expired \(ByteFormat.human(summary.expiredBytes)) (\(summary.expiredCount))"
                + " · used \(ByteFormat.human(summary.usedBytes))"
            buffer.put(line, x: content.x + 1, y: content.y, role: .accent, clip: content)
            tableArea = content.rows(1, content.height)
        }
        Table(columns: columns, count: shown.count, selected: context.ui.packages.selected, offset: context.ui.packages.offset) {
            row(packages[shown[$0]], context: context)
        }.render(into: &buffer, area: tableArea)
    }

    static func daysLeft(_ package: PurchasedPackage, _ now: Date) -> Int? {
        package.expiresAt.flatMap { $0.isNever ? nil : Int(clamping: ($0.timeIntervalSince(now) / 86_400).rounded(.down)) }
    }

    static func row(_ p: PurchasedPackage, context: RenderContext) -> TableRow {
        let days = daysLeft(p, context.now)
        let soon = days.map { $0 >= 0 && $0 <= 7 } ?? false
        let bad = p.unreadable
        let left = p.expiresAt?.isNever == true ? "never" : days.map { $0 < 0 ? "expired" : "\($0)d" } ?? ""
        return TableRow(
            [
                TableCell(p.hasIdentity ? String(p.id) : UnreadableText.mark),
                TableCell(UnreadableText.cell(p.typeLabel, bad, "product_type")),
                TableCell(UnreadableText.cell(p.orderTitle, bad, "order", "order.title")),
                TableCell(UnreadableText.cell(p.tradeNo, bad, "trade_no")),
                TableCell(UnreadableText.cell(p.createdAt.map { TimeText.day($0, zone: context.zone) } ?? "", bad, "created_at")),
                TableCell(
                    UnreadableText.cell(p.expiresAt.map { TimeText.day($0, zone: context.zone) } ?? "", bad, "expired_at"),
                    soon ? .warning : nil),
                TableCell(UnreadableText.cell(left, bad, "expired_at"), soon ? .warning : (days ?? 0) < 0 ? .error : nil),
            ], role: (days ?? 1) < 0 ? .dim : .normal)
    }
}
