import ProxyLiteAPI

/// Values no client should trust, served in place of good ones in a share of the rows of the
/// list endpoints (`FaultPlan.hostileRows`), or in the rows a test names (`FaultPlan.hostileValues`):
/// numbers too large for any integer, Int64.max as text, negative counts, far-future, zero and
/// impossible dates, NaN and infinity spelled out, a number where text goes and text where a
/// number goes, and rows without their identity.
///
/// Which rows and which value are a hash of the seed, the list and the row's position: the same
/// plan serves the same rows on every poll, so a test knows what to look for.
public enum HostileRows {
    /// The lists that can carry hostile rows, with the fields each mutation may hit.
    public enum List: UInt64, Sendable, Hashable, CaseIterable {
        case accounts = 1, staticIPs, orders, packages, flow
        /// proxy-ip/list.
        case whitelist
        /// /product.
        case products
        /// ip/static-ip-region and host-pool/regions.
        case regionStock
        /// The countries of ip/dynamic-states and ip/dynamic-citys.
        case countries
        /// The rows of ip/dcl4 and ip/dsl4.
        case regionsV4
        /// The answer of order/check itself (its one row is index 0).
        case orderCheck
        /// The `ip_result` lines of order/check.
        case orderCheckIPs

        /// Where the number mutations go; nil when the row has no number to spoil.
        public var numberField: String? {
            switch self {
            case .accounts: return "usage_flow"
            case .staticIPs: return "port"
            case .orders: return "pay_fee"
            case .packages: return "product_type"
            case .flow: return "flow"
            case .whitelist: return "product_type"
            case .products: return "local_price"
            case .regionStock: return "number"
            case .countries, .regionsV4: return nil
            case .orderCheck: return "pay_fee"
            case .orderCheckIPs: return "price"
            }
        }

        public var dateField: String? {
            switch self {
            case .accounts: return "created_at"
            case .staticIPs, .packages: return "expired_at"
            case .orders: return "created_at"
            case .whitelist: return "created_at"
            case .orderCheckIPs: return "renewal_time"
            case .flow, .products, .regionStock, .countries, .regionsV4, .orderCheck: return nil
            }
        }

        public var textField: String {
            switch self {
            case .accounts: return "remark"
            case .staticIPs: return "city"
            case .orders: return "title"
            case .packages: return "trade_no"
            case .flow: return "day"
            case .whitelist: return "remark"
            case .products: return "title"
            case .regionStock, .countries: return "name_en"
            case .regionsV4: return "City"
            case .orderCheck: return "title"
            case .orderCheckIPs: return "country_code"
            }
        }

        /// What names the row to the API; flow days and the order/check answer have none to lose.
        public var identityField: String? {
            switch self {
            case .accounts: return "username"
            case .staticIPs: return "ip"
            case .orders: return "trade_no"
            case .packages: return "id"
            case .whitelist: return "ip"
            case .products: return "id"
            case .regionStock: return "code"
            case .countries: return "country_code"
            case .regionsV4: return "Area"
            case .orderCheckIPs: return "ip"
            case .flow, .orderCheck: return nil
            }
        }
    }

    /// One hostile value, and where it goes.
    public enum Mutation: Sendable, Hashable, CaseIterable {
        case hugeNumber, int64MaxText, negative, nanText, infinityText, overflowText, textForNumber
        case farFutureDate, zeroDate, impossibleDate, numberForText, objectForText, missingIdentity

        /// Whether it can be served in a row of `list` (which needs the field it spoils).
        func fits(_ list: List) -> Bool {
            switch self {
            case .hugeNumber, .int64MaxText, .negative, .nanText, .infinityText, .overflowText, .textForNumber:
                return list.numberField != nil
            case .farFutureDate, .zeroDate, .impossibleDate: return list.dateField != nil
            case .missingIdentity: return list.identityField != nil
            case .numberForText, .objectForText: return true
            }
        }
    }

    /// One hostile value a test asks for: `mutation` in row `index` of `list`.
    public struct Target: Sendable, Hashable {
        public var list: List
        public var index: Int
        public var mutation: Mutation
        public init(_ list: List, index: Int, _ mutation: Mutation) {
            self.list = list
            self.index = index
            self.mutation = mutation
        }
    }

    /// The mutation row `index` of `list` gets under `plan`, or nil when it is served as it is.
    static func mutation(_ list: List, index: Int, plan: FaultPlan) -> Mutation? {
        if let target = plan.hostileValues.first(where: { $0.list == list && $0.index == index }), target.mutation.fits(list) {
            return target.mutation
        }
        guard plan.hostileRows > 0 else { return nil }
        let pick = SeededRandom.unit(plan.hostileSeed, list.rawValue, UInt64(truncatingIfNeeded: index))
        guard pick < plan.hostileRows else { return nil }
        let kinds = Mutation.allCases.filter { $0.fits(list) }
        let which = SeededRandom.unit(plan.hostileSeed ^ 0xBAD, list.rawValue, UInt64(truncatingIfNeeded: index))
        return kinds[min(kinds.count - 1, Int(which * Double(kinds.count)))]
    }

    /// `item` with its hostile value, when row `index` is one of the plan's.
    static func apply(_ item: JSONValue, _ list: List, index: Int, plan: FaultPlan) -> JSONValue {
        guard let mutation = mutation(list, index: index, plan: plan), case .object(var members) = item else { return item }
        func set(_ key: String?, _ value: JSONValue) {
            guard let key else { return }
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
        case .farFutureDate: set(list.dateField, .string("2199-01-01 00:00:00"))
        case .zeroDate: set(list.dateField, .string("0000-00-00 00:00:00"))
        case .impossibleDate: set(list.dateField, .string("2026-13-45 10:00:00"))
        case .numberForText: set(list.textField, .integer(12_345))
        case .objectForText: set(list.textField, .object([("zh", .string("备注"))]))
        case .missingIdentity: members.removeAll { $0.0 == list.identityField }
        }
        return .object(members)
    }

    /// `items`, each with its hostile value when it is one of the plan's (row `first + n`).
    static func apply(_ items: [JSONValue], _ list: List, first: Int = 0, plan: FaultPlan) -> [JSONValue] {
        guard plan.hostileRows > 0 || plan.hostileValues.contains(where: { $0.list == list }) else { return items }
        return items.enumerated().map { apply($1, list, index: first + $0, plan: plan) }
    }
}
