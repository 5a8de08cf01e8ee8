import Foundation
import Monitor
import ProxyLiteAPI

/// Sub-accounts with usage, limit, a usage gauge, burn rate and projected time to the limit.
enum AccountsScreen {
    static let columns: [TableColumn] = [
        TableColumn("USERNAME", .flex(min: 10)), TableColumn("ST", .fixed(3)), TableColumn("TYPE", .fixed(11)),
        TableColumn("USAGE", .fixed(8), .right), TableColumn("LIMIT", .fixed(8), .right), TableColumn("USE%", .fixed(14)),
        TableColumn("RATE", .fixed(10), .right), TableColumn("TO LIMIT", .fixed(8), .right),
        TableColumn("REMARK", .flex(min: 8)), TableColumn("CREATED", .fixed(10)),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.accounts
        let rows = state.value ?? []
        let shown = context.lists.accounts
        let filter = context.ui.accountFilter.isEmpty ? "" : "  filter “\(context.ui.accountFilter)”"
        let sort = "sort: \(context.ui.accountSort.column.title) \(context.ui.accountSort.descending ? "↓" : "↑")"
        PaneTitle.render(
            "Accounts \(shown.count) / \(rows.count)\(filter)", note: sort + " · usage lags up to 5 min",
            stale: PaneStatus.stale(state, now: context.now), area: area, into: &buffer)
        let tableArea = area.rows(1, area.height)
        if PaneStatus.placeholder(state, area: tableArea, into: &buffer) { return }
        let table = Table(
            columns: columns, count: shown.count, selected: context.ui.accounts.selected, offset: context.ui.accounts.offset
        ) { index in
            row(rows[shown[index]], context: context)
        }
        table.render(into: &buffer, area: tableArea)
        drawGauges(table, rows: rows, shown: shown, area: tableArea, into: &buffer)
    }

    static func row(_ row: AccountRow, context: RenderContext) -> TableRow {
        let a = row.account
        let toLimit: TableCell
        if let fraction = row.usageFraction, fraction >= 1 {
            toLimit = TableCell("at limit", .gaugeHigh)
        } else if let seconds = row.secondsToLimit {
            toLimit = TableCell(TimeText.span(seconds), seconds < 86_400 ? .warning : nil)
        } else {
            toLimit = TableCell("-", .dim)
        }
        return TableRow(
            [
                TableCell(a.username), TableCell(a.isEnabled ? "on" : "off", a.isEnabled ? .good : .dim),
                TableCell(ShortType.label(a.productType.code)), TableCell(ByteFormat.human(a.usageBytes)),
                TableCell(a.limitBytes.map(ByteFormat.human) ?? "∞"), TableCell(""),  // the gauge is drawn over it
                TableCell(row.rate.map(ByteFormat.rate) ?? "…", row.rate == nil ? .dim : nil), toLimit,
                TableCell(a.remark), TableCell(a.createdAt.map { TimeText.day($0, zone: context.zone) } ?? ""),
            ], role: a.isEnabled ? .normal : .dim)
    }

    /// Gauges need more than text, so they are drawn after the table, into the USE% column.
    private static func drawGauges(_ table: Table, rows: [AccountRow], shown: [Int], area: Rect, into buffer: inout CellBuffer) {
        let widths = table.widths(in: area.width)
        let gaugeColumn = 5
        guard widths[gaugeColumn] > 0 else { return }
        let x = area.x + widths[..<gaugeColumn].reduce(0, +) + gaugeColumn * table.gap
        for line in 0..<Table.visibleRows(in: area) {
            let index = table.offset + line
            guard index < shown.count else { break }
            Gauge.draw(rows[shown[index]].usageFraction, x: x, y: area.y + 1 + line, width: widths[gaugeColumn], into: &buffer, clip: area)
        }
    }
}
