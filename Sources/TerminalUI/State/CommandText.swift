import Monitor
import ProxyLiteAPI

/// How a command is named in flashes and dialogs: what it does, to what, in a few words.
enum CommandText {
    static func names(_ names: [String], limit: Int = 3) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? UIText.cmdMore(shown, names.count - limit) : shown
    }

    static func accounts(_ names: [String]) -> String {
        names.count == 1 ? names[0] : UIText.cmdAccounts(names.count, Self.names(names))
    }

    static func summary(_ command: Command) -> String {
        switch command {
        case .addAccounts(let new, _, _): return UIText.cmdAdd(accounts(new.map(\.username)))
        case .enable(let names): return UIText.cmdEnable(accounts(names))
        case .disable(let names): return UIText.cmdDisable(accounts(names))
        case .delete(let names): return UIText.cmdDelete(accounts(names))
        case .changeLimit(let names, let gb): return UIText.cmdLimit(accounts(names), limit(Int64(gb)))
        case .changePassword(let name, _): return UIText.cmdPassword(name)
        case .changeRemark(let name, _): return UIText.cmdRemark(name)
        case .change(let name, _): return UIText.cmdChange(name)
        case .addWhitelistIPs(let ips, _, _, _): return UIText.cmdWhitelist(names(ips))
        case .deleteWhitelistIPs(let ips, _): return UIText.cmdUnwhitelist(names(ips))
        case .closeOrder(let tradeNo): return UIText.cmdCloseOrder(tradeNo)
        case .createOrder: return UIText.cmdNewOrder()
        case .checkOrder: return UIText.cmdPricePreview()
        case .extract: return UIText.cmdExtraction()
        case .states(let country): return UIText.cmdStates(country)
        case .cities(let country, let state): return UIText.cmdCities(state, country)
        case .areas(let name): return UIText.cmdRegions(name)
        case .inspect(let key): return key.label
        case .query(let query): return "\(query.pane) query (\(query.termsText))"
        }
    }

    private static var lateNote: String { UIText.noteLate() }

    /// What to add after "accepted": the provider applies some changes minutes later.
    static func delayNote(_ command: Command) -> String {
        switch command {
        case .delete, .disable, .changePassword: return lateNote
        case .change(_, let change) where change.password != nil || change.enabled == false: return lateNote
        case .addAccounts: return UIText.noteNextPoll()
        default: return ""
        }
    }

    /// After an unknown outcome: where to see whether it took effect.
    static func whatToCheck(_ command: Command) -> String {
        switch command {
        case .addWhitelistIPs, .deleteWhitelistIPs: return UIText.checkWhitelist()
        case .closeOrder, .createOrder: return UIText.checkOrders()
        default:
            return command.usernames.isEmpty
                ? UIText.checkConsole() : UIText.checkRows()
        }
    }

    /// The accounts a batch left unchanged or unsure, by name.
    /// "2 accepted, 1 refused": the counts of a batch, in the interface's language.
    static func batchSummary(_ batch: BatchOutcome) -> String {
        let counts: [(Int, UIText)] = [
            (batch.accepted.count, .batchCountAccepted), (batch.refused.count, .batchCountRefused),
            (batch.unknown.count, .batchCountUnknown), (batch.notSent.count, .batchCountNotSent),
        ]
        return counts.filter { $0.0 > 0 }.map { $0.1($0.0) }.joined(separator: UIText.batchCountSeparator())
    }

    static func batchDetail(_ batch: BatchOutcome) -> String {
        var parts: [String] = []
        if let first = batch.refused.first {
            parts.append(UIText.batchRefused(names(batch.refused.map(\.username)), ErrorText.message(first.error)))
        }
        if !batch.unknown.isEmpty { parts.append(UIText.batchUnknown(names(batch.unknown.map(\.username)))) }
        if !batch.notSent.isEmpty { parts.append(UIText.batchNotSent(names(batch.notSent))) }
        return parts.isEmpty ? "" : " — " + parts.joined(separator: "; ")
    }

    static func limit(_ gb: Int64) -> String { gb == 0 ? UIText.limitNone() : UIText.limitGB(gb) }
}
