import Foundation
import Monitor
import ProxyLiteAPI

/// The accounts table's columns, for the dashboard and `snapshot`. Their ids are the names the
/// config's `columns` takes; the order is `AccountColumn`'s (CSV: the same, less rate and to_limit).
public enum AccountsColumns {
    public static let all: [PaneColumn<AccountRow>] = AccountColumn.allCases.map(make)

    public static func column(_ id: AccountColumn) -> PaneColumn<AccountRow> { all[id.rawValue] }

    public static func unreadable(_ row: AccountRow) -> UnreadableFields { row.account.unreadable }

    private static func make(_ id: AccountColumn) -> PaneColumn<AccountRow> {
        switch id {
        case .username:
            return PaneColumn(
                "username", title: .key(.colUsername), width: .flex(min: 10), fields: ["username"], name: true,
                text: { r, _ in r.account.username.isEmpty ? UnreadableText.mark : r.account.username }, raw: { r, _ in r.account.username }
            )
        case .status:
            return PaneColumn(
                "status", title: .key(.colStatus), width: .fixed(6), fields: ["status"], unreadableRole: .warning,
                override: { r, context in pendingCell(r, context) },
                display: { r, _ in TableCell(r.account.isEnabled ? UIText.cellOn() : UIText.cellOff(), r.account.isEnabled ? .good : .dim)
                },
                raw: { r, _ in r.account.isEnabled ? "enabled" : "disabled" })
        case .type:
            return PaneColumn(
                "type", title: .key(.colType), width: .fixed(11), maxWidth: 28, fields: ["product_type"],
                text: { r, c in
                    c.compact
                        ? ShortType.label(r.account.productType.code)
                        : ModelText.productType(r.account.productType, section: SubAccount.productTypeSection)
                },
                raw: { r, _ in String(r.account.productType.code) })
        case .usage:
            return PaneColumn(
                "usage", title: .key(.colUsage), width: .fixed(8), .right, fields: ["usage_flow"],
                text: { r, _ in ByteFormat.human(r.account.usageBytes) },
                raw: { r, _ in String(r.account.usageBytes) })
        case .limit:
            return PaneColumn(
                "limit", title: .key(.colLimit), width: .fixed(8), .right, fields: ["limit_flow"],
                text: { r, _ in r.account.limitBytes.map(ByteFormat.human) ?? "∞" },
                raw: { r, _ in r.account.limitBytes.map(String.init) ?? "" })
        case .percent:
            return PaneColumn(
                "percent", title: .key(.colPercent), header: "USE%", width: .fixed(14), .right, fields: ["usage_flow", "limit_flow"],
                unreadableRole: .dim, gauge: { $0.usageFraction },
                display: { r, _ in TableCell(r.usageFraction.map { String(format: "%.1f", $0 * 100) } ?? "-") },
                raw: { r, _ in r.usageFraction.map { String(format: "%.2f", $0 * 100) } ?? "" })
        case .rate:
            return PaneColumn(
                "rate", title: .key(.colRate), width: .fixed(10), .right, fields: ["usage_flow"], liveOnly: true, unreadableRole: .dim,
                display: { r, c in
                    let text = r.rate.map(ByteFormat.rate) ?? "…"
                    // A spike: above the account's own norm (history's `spike_factor`).
                    if c.dashboard?.snapshot.history.spiking.contains(r.account.username) == true {
                        return TableCell("▲" + text, .warning)
                    }
                    return TableCell(text, r.rate == nil ? .dim : nil)
                },
                raw: { r, _ in r.rate.map { String(format: "%.0f", $0) } ?? "" })
        case .toLimit:
            return PaneColumn(
                "to_limit", title: .key(.colToLimit), width: .fixed(8), .right, fields: ["usage_flow", "limit_flow"], liveOnly: true,
                unreadableRole: .dim,
                display: { r, _ in
                    if let fraction = r.usageFraction, fraction >= 1 { return TableCell(UIText.cellAtLimit(), .gaugeHigh) }
                    if let seconds = r.secondsToLimit { return TableCell(TimeText.span(seconds), seconds < 86_400 ? .warning : nil) }
                    return TableCell("-", .dim)
                },
                raw: { r, _ in r.secondsToLimit.map { String(format: "%.0f", $0) } ?? "" })
        case .remark:
            return PaneColumn(
                "remark", title: .key(.colRemark), width: .flex(min: 8), maxWidth: 32, fields: ["remark"],
                text: { r, _ in DisplayWidth.displaySafe(r.account.remark) }, raw: { r, _ in r.account.remark })
        case .created:
            return PaneColumn(
                "created", title: .key(.colCreated), width: .fixed(10), fields: ["created_at"],
                text: { r, c in c.day(r.account.createdAt) },
                raw: { r, _ in ColumnContext.iso(r.account.createdAt) })
        case .trend:
            // Not in the default set (`AccountColumn.defaults`): the defaults already need 102
            // columns, so at 80 the table cuts them from TO LIMIT on; 13 more would only be cut
            // too, and the series cost history a query per visible row. `columns` in the config
            // adds it, and the dashboard then asks for the visible rows' series.
            return PaneColumn(
                "trend", title: .key(.colTrend), width: .fixed(12),
                display: { r, c in
                    // `snapshot` reads no history: nothing rather than a dot on every row.
                    guard let dashboard = c.dashboard else { return TableCell("") }
                    guard let series = dashboard.snapshot.history.sparklines[r.account.username], !series.isEmpty else {
                        return TableCell("·", .dim)
                    }
                    return TableCell(sparkline(series, width: 12))
                },
                raw: { r, c in c.dashboard?.snapshot.history.sparklines[r.account.username].map { String(total($0)) } ?? "" })
        }
    }

    /// Usage over the series: the sum of its (non-negative) points, saturating.
    static func total(_ series: [Int64]) -> Int64 {
        series.reduce(Int64(0)) { sum, value in
            let (added, overflow) = sum.addingReportingOverflow(max(0, value))
            return overflow ? .max : added
        }
    }

    /// `▁▂▃▅█` scaled to the series' own largest point, in at most `width` cells (24 hours in 12:
    /// two hours a cell, summed). A cell with nothing used is a space (a bar of one eighth would
    /// say something was); a series with nothing used at all is a flat `▁` line, unlike "no data".
    static func sparkline(_ series: [Int64], width: Int) -> String {
        let per = max(1, (series.count + width - 1) / max(1, width))
        let points = stride(from: 0, to: series.count, by: per).map { total(Array(series[$0..<min(series.count, $0 + per)])) }
        let top = points.max() ?? 0
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        guard top > 0 else { return String(repeating: "▁", count: points.count) }
        return String(
            points.map { value -> Character in
                guard value > 0 else { return " " }
                let level = Int((Double(value) / Double(top) * 8).rounded(.up))
                return blocks[min(8, max(1, level)) - 1]
            })
    }

    /// On the dashboard, a change waiting for the provider shows in the status column.
    private static func pendingCell(_ row: AccountRow, _ context: ColumnContext) -> TableCell? {
        guard let dashboard = context.dashboard, let pending = dashboard.snapshot.pending[row.account.username]?.last else { return nil }
        // Twice the provider's 5 minutes and still not visible: say so rather than wait forever.
        let waited = dashboard.monotonic.map { $0 - pending.acceptedMonotonic } ?? dashboard.now.timeIntervalSince(pending.acceptedAt)
        let overdue = waited > Marks.overdueAfter
        return TableCell(Marks.pendingLabel(pending), overdue || pending.unconfirmed ? .warning : .pending)
    }
}
