import ProxyLiteAPI

/// Values no client should trust, served in place of good ones in a share of the rows of the
/// list endpoints (`FaultPlan.hostileRows`): numbers too large for any integer, Int64.max as text,
/// negative counts, far-future, zero and impossible dates, NaN and infinity spelled out, a number
/// where text goes and text where a number goes, and rows without their identity.
///
/// Which rows and which value are a hash of the seed, the list and the row's position: the same
/// plan serves the same rows on every poll, so a test knows what to look for.
enum HostileRows {
    /// The lists that can carry hostile rows, with the fields each mutation may hit.
    enum List: UInt64 {
        case accounts = 1, staticIPs, orders, packages, flow

        var numberField: String {
            switch self {
            case .accounts: return "usage_flow"
            case .staticIPs: return "port"
            case .orders: return "pay_fee"
            case .packages: return "product_type"
            case .flow: return "flow"
            }
        }

        var dateField: String? {
            switch self {
            case .accounts: return "created_at"
            case .staticIPs, .packages: return "expired_at"
            case .orders: return "created_at"
            case .flow: return nil
            }
        }

        var textField: String {
            switch self {
            case .accounts: return "remark"
            case .staticIPs: return "city"
            case .orders: return "title"
            case .packages: return "trade_no"
            case .flow: return "day"
            }
        }

        /// What names the row to the API; flow days have none to lose.
        var identityField: String? {
            switch self {
            case .accounts: return "username"
            case .staticIPs: return "ip"
            case .orders: return "trade_no"
            case .packages: return "id"
            case .flow: return nil
            }
        }
    }

    /// One hostile value, and where it goes.
    enum Mutation: CaseIterable {
        case hugeNumber, int64MaxText, negative, nanText, infinityText, overflowText, textForNumber
        case farFutureDate, zeroDate, impossibleDate, numberForText, objectForText, missingIdentity
    }

    /// The mutation row `index` of `list` gets under `plan`, or nil when it is served as it is.
    static func mutation(_ list: List, index: Int, plan: FaultPlan) -> Mutation? {
        guard plan.hostileRows > 0 else { return nil }
        let pick = SeededRandom.unit(plan.hostileSeed, list.rawValue, UInt64(truncatingIfNeeded: index))
        guard pick < plan.hostileRows else { return nil }
        let kinds = Mutation.allCases.filter { kind in
            switch kind {
            case .farFutureDate, .zeroDate, .impossibleDate: return list.dateField != nil
            case .missingIdentity: return list.identityField != nil
            default: return true
            }
        }
        let which = SeededRandom.unit(plan.hostileSeed ^ 0xBAD, list.rawValue, UInt64(truncatingIfNeeded: index))
        return kinds[min(kinds.count - 1, Int(which * Double(kinds.count)))]
    }

    /// `item` with its hostile value, when row `index` is one of the plan's.
    static func apply(_ item: JSONValue, _ list: List, index: Int, plan: FaultPlan) -> JSONValue {
        guard let mutation = mutation(list, index: index, plan: plan), case .object(var members) = item else { return item }
        func set(_ key: String, _ value: JSONValue) {
            if let at = members.firstIndex(where: { $0.0 == key }) { members[at].1 = value } else { members.append((key, value)) }
        }
        switch mutation {
        case .hugeNumber: set(list.numberField, .number(1e30))
        case .int64MaxText: set(list.numberField, .string(String(Int64.max)))
        case .negative: set(list.numberField, .integer(-5))
        case .nanText: set(list.numberField, .string("NaN"))
        case .infinityText: set(list.numberField, .string("Infinity"))
        case .overflowText: set(list.numberField, .string("1e999"))
        case .textForNumber: set(list.numberField, .string("lots"))
        case .farFutureDate: list.dateField.map { set($0, .string("2199-01-01 00:00:00")) }
        case .zeroDate: list.dateField.map { set($0, .string("0000-00-00 00:00:00")) }
        case .impossibleDate: list.dateField.map { set($0, .string("2026-13-45 10:00:00")) }
        case .numberForText: set(list.textField, .integer(12_345))
        case .objectForText: set(list.textField, .object([("zh", .string("备注"))]))
        case .missingIdentity: members.removeAll { $0.0 == list.identityField }
        }
        return .object(members)
    }
}
