import Monitor
import ProxyLiteAPI

/// The sub-accounts' series: the highest usage first, each value absent when the API sent it
/// unreadable (a 0 there would read as "nothing used" or "disabled", which nobody was told).
enum AccountReadings {
    static func readings(_ rows: [AccountRow], profile: String, limit: Int?) -> [SubjectReading] {
        if limit == 0 { return [] }
        var candidates: [SubjectSelection.Candidate<Int64>] = []
        candidates.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() where row.account.hasIdentity {
            // Negated so that lower ranks better; an unreadable usage ranks below every readable one.
            let usage = row.account.unreadable.contains("usage_flow") ? -1 : row.account.usageBytes
            candidates.append(.init(key: row.account.username, rank: -usage, index: index))
        }
        return SubjectSelection.pick(candidates, limit: limit).map { chosen in
            SubjectReading(key: SubjectKey(profile: profile, kind: .account, id: chosen.key), values: values(rows[chosen.index]))
        }
    }

    /// In `SubjectKind.account`'s family order: usage, limit, rate, seconds to limit, enabled.
    static func values(_ row: AccountRow) -> [Double?] {
        let account = row.account
        let usageReadable = !account.unreadable.contains("usage_flow")
        let usage = usageReadable ? Double(account.usageBytes) : nil
        let limit = account.unreadable.contains("limit_flow") ? nil : account.limitBytes.map(Double.init)
        // The rate and the time to the limit are made of the usage: without it they are guesses.
        let rate = usageReadable ? row.rate : nil
        let secondsToLimit = usageReadable && limit != nil ? row.secondsToLimit : nil
        let enabled: Double? = account.unreadable.contains("status") ? nil : (account.isEnabled ? 1 : 0)
        return [usage, limit, rate, secondsToLimit, enabled]
    }
}
