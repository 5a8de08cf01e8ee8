import Monitor
import ProxyLiteAPI

/// How a command is named in flashes and dialogs: what it does, to what, in a few words.
enum CommandText {
    static func names(_ names: [String], limit: Int = 3) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }

    static func accounts(_ names: [String]) -> String {
        names.count == 1 ? names[0] : "\(names.count) sub-accounts (\(Self.names(names)))"
    }

    static func summary(_ command: Command) -> String {
        switch command {
        case .addAccounts(let new, _, _): return "add \(accounts(new.map(\.username)))"
        case .enable(let names): return "enable \(accounts(names))"
        case .disable(let names): return "disable \(accounts(names))"
        case .delete(let names): return "delete \(accounts(names))"
        case .changeLimit(let names, let gb): return "limit of \(accounts(names)) to \(gb == 0 ? "no limit" : "\(gb) GB")"
        case .changePassword(let name, _): return "new password for \(name)"
        case .changeRemark(let name, _): return "remark of \(name)"
        case .change(let name, _): return "change of \(name)"
        case .addWhitelistIPs(let ips, _, _, _): return "whitelist \(names(ips))"
        case .deleteWhitelistIPs(let ips, _): return "removal of \(names(ips)) from the whitelist"
        case .closeOrder(let tradeNo): return "closing order \(tradeNo)"
        case .createOrder: return "new order"
        case .checkOrder: return "price preview"
        case .extract: return "extraction"
        case .states(let country): return "states of \(country)"
        case .cities(let country, let state): return "cities of \(state), \(country)"
        case .areas(let name): return "regions of \(name)"
        case .inspect(let key): return key.label
        case .query(let query): return "\(query.pane) query (\(query.termsText))"
        }
    }

    private static let lateNote = " — applies within ~5 min, pending until then"

    /// What to add after "accepted": the provider applies some changes minutes later.
    static func delayNote(_ command: Command) -> String {
        switch command {
        case .delete, .disable, .changePassword: return lateNote
        case .change(_, let change) where change.password != nil || change.enabled == false: return lateNote
        case .addAccounts: return " — shown at the next poll"
        default: return ""
        }
    }

    /// After an unknown outcome: where to see whether it took effect.
    static func whatToCheck(_ command: Command) -> String {
        switch command {
        case .addWhitelistIPs, .deleteWhitelistIPs: return "The whitelist is being polled again; check pane 6 before retrying."
        case .closeOrder, .createOrder: return "The orders are being polled again; check pane 4 before retrying."
        default:
            return command.usernames.isEmpty
                ? "Check the provider's console before retrying."
                : "Rows marked ? are unconfirmed until a poll shows them; check them before retrying."
        }
    }

    /// The accounts a batch left unchanged or unsure, by name.
    static func batchDetail(_ batch: BatchOutcome) -> String {
        var parts: [String] = []
        if let first = batch.refused.first {
            parts.append("refused: \(names(batch.refused.map(\.username))) (\(first.error.detail))")
        }
        if !batch.unknown.isEmpty { parts.append("may have been applied: \(names(batch.unknown.map(\.username)))") }
        if !batch.notSent.isEmpty { parts.append("not sent: \(names(batch.notSent))") }
        return parts.isEmpty ? "" : " — " + parts.joined(separator: "; ")
    }

    static func limit(_ gb: Int64) -> String { gb == 0 ? "no limit" : "\(gb) GB" }
}
