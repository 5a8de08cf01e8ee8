import Monitor
import ProxyLiteAPI

/// How marked rows and pending changes look in tables.
enum Marks {
    /// The row's key cell, with a dot when marked. While anything is marked every row gets the
    /// two columns, so that the names stay aligned.
    static func cell(_ text: String, marked: Bool, any: Bool) -> TableCell {
        guard any else { return TableCell(text) }
        return marked ? TableCell("● " + text, .marked) : TableCell("  " + text)
    }

    /// A pending change not visible after this long is shown as a warning.
    static let overdueAfter = ProviderFacts.pendingOverdueAfter

    /// A few letters for the status column while a change waits for the provider; a change whose
    /// answer never came starts with `?` (it may or may not have been applied).
    static func pendingLabel(_ pending: PendingCommand) -> String {
        pending.unconfirmed ? "?" + pendingLabel(pending.command).drop { $0 == "→" } : pendingLabel(pending.command)
    }

    static func pendingLabel(_ command: Command) -> String {
        switch command {
        case .enable: return "→on"
        case .disable: return "→off"
        case .delete: return "del…"
        case .changeLimit: return "lim…"
        case .changePassword: return "pw…"
        case .changeRemark: return "rmk…"
        case .change: return "chg…"
        case .addAccounts: return "new…"
        default: return "…"
        }
    }
}
