import Foundation
import Monitor
import ProxyLiteAPI

/// Sub-accounts with usage, limit, a usage gauge, burn rate and projected time to the limit.
enum AccountsScreen {
    static func column(_ id: AccountColumn) -> TableColumn {
        switch id {
        case .username: return TableColumn("USERNAME", .flex(min: 10))
        case .status: return TableColumn("ST", .fixed(4))
        case .type: return TableColumn("TYPE", .fixed(11))
        case .usage: return TableColumn("USAGE", .fixed(8), .right)
        case .limit: return TableColumn("LIMIT", .fixed(8), .right)
        case .percent: return TableColumn("USE%", .fixed(14))
        case .rate: return TableColumn("RATE", .fixed(10), .right)
        case .toLimit: return TableColumn("TO LIMIT", .fixed(8), .right)
        case .remark: return TableColumn("REMARK", .flex(min: 8))
        case .created: return TableColumn("CREATED", .fixed(10))
        }
    }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.accounts
        let rows = state.value ?? []
        let shown = context.lists.accounts
        let filter = context.ui.accountFilter.isEmpty ? "" : "  filter “\(context.ui.accountFilter)”"
        let sort = "sort: \(context.ui.accountSort.column.title) \(context.ui.accountSort.descending ? "↓" : "↑")"
        let marks = context.ui.accountMarks.isEmpty ? "" : "  \(context.ui.accountMarks.count) marked"
        let pending = context.snapshot.pending.isEmpty ? "" : "  \(context.snapshot.pending.count) pending"
        let unreadable = UnreadableText.title(UnreadableText.count(rows) { $0.account.unreadable })
        guard
            let tableArea = PaneStatus.frame(
                "Accounts \(shown.count) / \(rows.count)\(filter)\(marks)\(pending)\(unreadable)",
                note: sort + " · usage lags up to 5 min",
                state: state,
                context: context, area: area, into: &buffer)
        else { return }
        let ids = context.ui.accountColumns
        let table = Table(
            columns: ids.map(column), count: shown.count, selected: context.ui.accounts.selected,
            offset: context.ui.accounts.offset
        ) { index in
            row(rows[shown[index]], columns: ids, context: context)
        }
        table.render(into: &buffer, area: tableArea)
        if let gaugeColumn = ids.firstIndex(of: .percent) {
            drawGauges(table, column: gaugeColumn, rows: rows, shown: shown, area: tableArea, into: &buffer)
        }
    }

    static func row(_ row: AccountRow, columns: [AccountColumn], context: RenderContext) -> TableRow {
        let a = row.account
        let pending = context.snapshot.pending[a.username]?.last
        let bad = a.unreadable
        func unreadable(_ names: String...) -> Bool { UnreadableText.isUnreadable(bad, names) }
        let cells = columns.map { id -> TableCell in
            switch id {
            case .username:
                let name = a.hasIdentity ? a.username : UnreadableText.mark
                return Marks.cell(
                    name, marked: a.hasIdentity && context.ui.accountMarks.contains(a.username), any: !context.ui.accountMarks.isEmpty)
            case .status:
                if let pending {
                    // Twice the provider's 5 minutes and still not visible: say so rather than wait forever.
                    let waited =
                        context.monotonic.map { $0 - pending.acceptedMonotonic } ?? context.now.timeIntervalSince(pending.acceptedAt)
                    let overdue = waited > Marks.overdueAfter
                    return TableCell(Marks.pendingLabel(pending), overdue || pending.unconfirmed ? .warning : .pending)
                }
                if unreadable("status") { return TableCell(UnreadableText.mark, .warning) }
                return TableCell(a.isEnabled ? "on" : "off", a.isEnabled ? .good : .dim)
            case .type: return TableCell(UnreadableText.cell(ShortType.label(a.productType.code), bad, "product_type"))
            case .usage: return TableCell(UnreadableText.cell(ByteFormat.human(a.usageBytes), bad, "usage_flow"))
            case .limit: return TableCell(UnreadableText.cell(a.limitBytes.map(ByteFormat.human) ?? "∞", bad, "limit_flow"))
            case .percent: return TableCell("")  // the gauge is drawn over it
            case .rate:
                if unreadable("usage_flow") { return TableCell(UnreadableText.mark, .dim) }
                return TableCell(row.rate.map(ByteFormat.rate) ?? "…", row.rate == nil ? .dim : nil)
            case .toLimit:
                if unreadable("usage_flow", "limit_flow") { return TableCell(UnreadableText.mark, .dim) }
                if let fraction = row.usageFraction, fraction >= 1 { return TableCell("at limit", .gaugeHigh) }
                if let seconds = row.secondsToLimit { return TableCell(TimeText.span(seconds), seconds < 86_400 ? .warning : nil) }
                return TableCell("-", .dim)
            case .remark: return TableCell(UnreadableText.cell(a.remark, bad, "remark"))
            case .created:
                return TableCell(UnreadableText.cell(a.createdAt.map { TimeText.day($0, zone: context.zone) } ?? "", bad, "created_at"))
            }
        }
        return TableRow(cells, role: a.isEnabled ? .normal : .dim)
    }

    /// Gauges need more than text, so they are drawn after the table, into the USE% column.
    private static func drawGauges(
        _ table: Table, column: Int, rows: [AccountRow], shown: [Int], area: Rect, into buffer: inout CellBuffer
    ) {
        let widths = table.widths(in: area.width)
        guard widths[column] > 0 else { return }
        let x = area.x + widths[..<column].reduce(0, +) + column * table.gap
        for line in 0..<Table.visibleRows(in: area) {
            let index = table.offset + line
            guard index < shown.count else { break }
            let row = rows[shown[index]]
            if UnreadableText.isUnreadable(row.account.unreadable, ["usage_flow", "limit_flow"]) {
                let mark = DisplayWidth.fit(UnreadableText.mark, to: widths[column], alignment: .right)
                buffer.put(mark, x: x, y: area.y + 1 + line, role: .dim, clip: area)
                continue
            }
            Gauge.draw(row.usageFraction, x: x, y: area.y + 1 + line, width: widths[column], into: &buffer, clip: area)
        }
    }
}
