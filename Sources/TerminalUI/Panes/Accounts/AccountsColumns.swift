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
                "username", title: "USERNAME", width: .flex(min: 10), fields: ["username"], name: true,
                text: { r, _ in r.account.username.isEmpty ? UnreadableText.mark : r.account.username }, raw: { r, _ in r.account.username }
            )
        case .status:
            return PaneColumn(
                "status", title: "STATUS", width: .fixed(6), fields: ["status"], unreadableRole: .warning,
                override: { r, context in pendingCell(r, context) },
                display: { r, _ in TableCell(r.account.isEnabled ? "on" : "off", r.account.isEnabled ? .good : .dim) },
                raw: { r, _ in r.account.isEnabled ? "enabled" : "disabled" })
        case .type:
            return PaneColumn(
                "type", title: "TYPE", width: .fixed(11), maxWidth: 28, fields: ["product_type"],
                text: { r, c in c.compact ? ShortType.label(r.account.productType.code) : r.account.typeLabel },
                raw: { r, _ in String(r.account.productType.code) })
        case .usage:
            return PaneColumn(
                "usage", title: "USAGE", width: .fixed(8), .right, fields: ["usage_flow"],
                text: { r, _ in ByteFormat.human(r.account.usageBytes) },
                raw: { r, _ in String(r.account.usageBytes) })
        case .limit:
            return PaneColumn(
                "limit", title: "LIMIT", width: .fixed(8), .right, fields: ["limit_flow"],
                text: { r, _ in r.account.limitBytes.map(ByteFormat.human) ?? "∞" },
                raw: { r, _ in r.account.limitBytes.map(String.init) ?? "" })
        case .percent:
            return PaneColumn(
                "percent", title: "USE%", header: "USE%", width: .fixed(14), .right, fields: ["usage_flow", "limit_flow"],
                unreadableRole: .dim, gauge: { $0.usageFraction },
                display: { r, _ in TableCell(r.usageFraction.map { String(format: "%.1f", $0 * 100) } ?? "-") },
                raw: { r, _ in r.usageFraction.map { String(format: "%.2f", $0 * 100) } ?? "" })
        case .rate:
            return PaneColumn(
                "rate", title: "RATE", width: .fixed(10), .right, fields: ["usage_flow"], liveOnly: true, unreadableRole: .dim,
                display: { r, _ in TableCell(r.rate.map(ByteFormat.rate) ?? "…", r.rate == nil ? .dim : nil) },
                raw: { r, _ in r.rate.map { String(format: "%.0f", $0) } ?? "" })
        case .toLimit:
            return PaneColumn(
                "to_limit", title: "TO LIMIT", width: .fixed(8), .right, fields: ["usage_flow", "limit_flow"], liveOnly: true,
                unreadableRole: .dim,
                display: { r, _ in
                    if let fraction = r.usageFraction, fraction >= 1 { return TableCell("at limit", .gaugeHigh) }
                    if let seconds = r.secondsToLimit { return TableCell(TimeText.span(seconds), seconds < 86_400 ? .warning : nil) }
                    return TableCell("-", .dim)
                },
                raw: { r, _ in r.secondsToLimit.map { String(format: "%.0f", $0) } ?? "" })
        case .remark:
            return PaneColumn(
                "remark", title: "REMARK", width: .flex(min: 8), maxWidth: 32, fields: ["remark"],
                text: { r, _ in DisplayWidth.displaySafe(r.account.remark) }, raw: { r, _ in r.account.remark })
        case .created:
            return PaneColumn(
                "created", title: "CREATED", width: .fixed(10), fields: ["created_at"], text: { r, c in c.day(r.account.createdAt) },
                raw: { r, _ in ColumnContext.iso(r.account.createdAt) })
        }
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
