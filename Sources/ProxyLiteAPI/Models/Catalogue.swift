import Foundation

/// A group of payment methods, from payment/groups.
public struct PaymentGroup: Sendable, Hashable, Decodable {
    public var name: String
    public var logos: [String]
    public var methods: [Method]
    /// Fields that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    public struct Method: Sendable, Hashable, Decodable {
        public var id: Int
        public var title: String
        public var logo: String
        public var group: String
        /// True too when `disabled` could not be read: a method that may be off is not offered.
        public var disabled: Bool
        public var minimum: Double?
        public var maximum: Double?
        /// Fields that came but could not be read; see `UnreadableFields`.
        public var unreadable = UnreadableFields()

        /// Whether the method can be named in an order: it needs a readable id.
        public var hasIdentity: Bool { id != 0 && !unreadable.contains("id") }

        /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
        public init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            id = c.int("id") ?? 0
            title = c.string("title") ?? ""
            logo = c.string("logo") ?? ""
            group = c.string("group") ?? ""
            let disabled = c.bool("disabled")
            minimum = c.double("min")
            maximum = c.double("max")
            unreadable = c.unreadable
            self.disabled = disabled ?? unreadable.contains("disabled")
        }

        private init(unreadableRow: ()) {
            id = 0
            title = ""
            logo = ""
            group = ""
            disabled = true
            unreadable = UnreadableFields(["row"])
        }
    }

    /// Field by field; a method that cannot be read is kept as a placeholder (never offered).
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        name = c.string("name") ?? ""
        logos = c.read("logos") { try $0.array("logos", of: String.self) } ?? []
        methods = c.read("items") { try $0.array("items", of: Method.self) } ?? []
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        name = ""
        logos = []
        methods = []
        unreadable = UnreadableFields(["row"])
    }
}

extension PaymentGroup: PlaceholderRow {
    static func unreadableRow() -> PaymentGroup { PaymentGroup(unreadableRow: ()) }
}

extension PaymentGroup.Method: PlaceholderRow {
    static func unreadableRow() -> PaymentGroup.Method { PaymentGroup.Method(unreadableRow: ()) }
}

/// One tier of activity/balance-recharge-gift-ratio. The reference shows only `[null]`, so the
/// plausible fields are read where present and the item is kept whole in `raw`.
public struct RechargeGiftRatio: Sendable, Hashable, Decodable {
    /// The top-up amount from which the tier applies, if the item says.
    public var minimumAmount: Double?
    /// The bonus as a fraction (0.1 = 10 %), if the item says.
    public var ratio: Double?
    public var raw: JSONValue

    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        if let c = try? decoder.wire() {
            minimumAmount = try c.double("amount") ?? c.double("min") ?? c.double("recharge_amount")
            ratio = try c.double("ratio") ?? c.double("gift_ratio") ?? c.double("rate")
        }
    }
}

/// A product's show_type (展示类型). Unknown codes survive.
public enum ShowType: Sendable, Hashable, CustomStringConvertible {
    /// 1 普通.
    case normal
    /// 2 大额推荐: recommended for large purchases.
    case recommended
    /// 3 不可购买(需定制): cannot be bought as listed; the provider sells it custom-made only.
    case notPurchasable
    /// 4 试用.
    case trial
    case other(Int)

    public init(code: Int) {
        switch code {
        case 1: self = .normal
        case 2: self = .recommended
        case 3: self = .notPurchasable
        case 4: self = .trial
        default: self = .other(code)
        }
    }

    public var description: String {
        switch self {
        case .normal: return "normal"
        case .recommended: return "recommended for large purchases"
        case .notPurchasable: return "not purchasable (custom only)"
        case .trial: return "trial"
        case .other(let c): return "show type \(c)"
        }
    }
}

/// A product for sale, from /product.
public struct Product: Sendable, Hashable, Decodable, Identifiable {
    public var id: Int
    public var title: String
    public var type: ProductType
    /// How the provider presents it; nil when the product did not say.
    public var showType: ShowType?
    /// status: true 1 上架 (on sale), false 0 下架 (off); nil when the product did not say. The
    /// reference gives no default, so a missing status is unknown, not on sale.
    public var onSale: Bool?
    public var priceCNY: Double?
    public var priceUSD: Double?
    public var priceHKD: Double?
    public var originalPriceCNY: Double?
    public var originalPriceUSD: Double?
    public var originalPriceHKD: Double?
    public var localPrice: Double?
    public var localOriginalPrice: Double?
    /// `usd`, `cny` or `hkd`: the currency the account prefers.
    public var preferredCurrency: String
    public var supportedCurrencies: [String]
    public var flowGB: Double?
    public var bonusFlowGB: Double?
    public var balanceValue: Double?
    public var balanceBonus: Double?
    public var timeDays: Int?
    public var tips: [String]
    public var introduction: [String]
    public var parentProductType: ProductType?
    public var totalStock: Int?
    public var remainingStock: Int?
    public var durationMultipliers: [Int]
    public var durationPriceRate: Double?
    public var subtitle: String
    public var bandwidthSKUs: [SKU]
    public var durationSKUs: [SKU]
    public var concurrencySKUs: [SKU]
    /// Fields that came but could not be read; see `UnreadableFields`. A variant's are named
    /// after its list (`sku.duration_list.price`), the description's `desc.subtitle`.
    public var unreadable = UnreadableFields()

    /// Whether the product can be named to the API (ordered, picked for a renewal): it needs a
    /// readable id.
    public var hasIdentity: Bool { id != 0 && !unreadable.contains("id") }

    /// A variant of a product of type 11: bandwidth (Mbps), duration (days) or concurrency.
    public struct SKU: Sendable, Hashable, Decodable, Identifiable {
        public var id: Int
        public var value: Int
        public var priceCNY: Double?
        public var priceUSD: Double?
        public var priceHKD: Double?
        /// Fields that came but could not be read; see `UnreadableFields`.
        public var unreadable = UnreadableFields()

        /// Whether the variant can be named in an order: it needs a readable id.
        public var hasIdentity: Bool { id != 0 && !unreadable.contains("id") }

        /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
        public init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            id = c.int("id") ?? 0
            value = c.int("value") ?? 0
            priceCNY = c.double("price")
            priceUSD = c.double("price_usd")
            priceHKD = c.double("price_hkd")
            unreadable = c.unreadable
        }

        private init(unreadableRow: ()) {
            id = 0
            value = 0
            unreadable = UnreadableFields(["row"])
        }
    }

    /// Whether it may be offered for sale: on sale, and not custom-only (show_type 3). A show
    /// type that could not be read may be 3, so it is not offered.
    public var isPurchasable: Bool { onSale == true && showType != .notPurchasable && !unreadable.contains("show_type") }

    /// What the pane's sale column says: custom-only first, since it overrides the status.
    public var saleText: String {
        if showType == .notPurchasable { return "custom only" }
        switch onSale {
        case true?: return "yes"
        case false?: return "no"
        case nil: return "unknown"
        }
    }

    /// The stock as words: total_count 0 means the provider does not limit it.
    public var stockText: String? {
        if totalStock == 0 { return "unlimited" }
        guard let remaining = remainingStock else { return totalStock.map { "\($0) in total" } }
        return "\(remaining)" + (totalStock.map { " of \($0)" } ?? "")
    }

    /// The price in the account's preferred currency, with that currency's code.
    public var preferredPrice: (amount: Double, currency: String)? {
        if let local = localPrice, !preferredCurrency.isEmpty { return (local, preferredCurrency.uppercased()) }
        switch preferredCurrency.lowercased() {
        case "cny": return priceCNY.map { ($0, "CNY") }
        case "hkd": return priceHKD.map { ($0, "HKD") }
        default: return priceUSD.map { ($0, "USD") } ?? priceCNY.map { ($0, "CNY") }
        }
    }

    /// Whether `preferredPrice` may not be the price the provider means: a field it is chosen
    /// by, or the one it is read from, could not be read.
    public var preferredPriceIsUnreadable: Bool {
        guard !unreadable.isEmpty else { return false }
        if unreadable.contains("row") || unreadable.contains("local_price") || unreadable.contains("preferred_currency") {
            return true
        }
        if localPrice != nil, !preferredCurrency.isEmpty { return false }
        switch preferredCurrency.lowercased() {
        case "cny": return unreadable.contains("price")
        case "hkd": return unreadable.contains("price_hkd")
        default: return unreadable.contains("usd_price") || (priceUSD == nil && unreadable.contains("price"))
        }
    }

    private struct Description: Decodable {
        let subtitle: String?
        let unreadable: UnreadableFields
        init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            subtitle = c.string("subtitle")
            unreadable = c.unreadable
        }
    }

    private struct SKUs: Decodable {
        let bandwidth: [SKU]
        let duration: [SKU]
        let concurrency: [SKU]
        let unreadable: UnreadableFields
        init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            bandwidth = c.read("bandwidth_list") { try $0.array("bandwidth_list") } ?? []
            duration = c.read("duration_list") { try $0.array("duration_list") } ?? []
            concurrency = c.read("concurrency_list") { try $0.array("concurrency_list") } ?? []
            var all = c.unreadable
            for (list, skus) in [("bandwidth_list", bandwidth), ("duration_list", duration), ("concurrency_list", concurrency)] {
                for name in skus.flatMap(\.unreadable.names) { all.insert(list + "." + name) }
            }
            unreadable = all
        }
    }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        id = c.int("id") ?? 0
        title = c.string("title") ?? ""
        type = ProductType(c.int("type") ?? 0)
        showType = c.int("show_type").map { ShowType(code: $0) }
        onSale = c.int("status").map { $0 == 1 }
        priceCNY = c.double("price")
        priceUSD = c.double("usd_price")
        priceHKD = c.double("price_hkd")
        originalPriceCNY = c.double("original_price")
        originalPriceUSD = c.double("original_usd_price")
        originalPriceHKD = c.double("original_price_hkd")
        localPrice = c.double("local_price")
        localOriginalPrice = c.double("local_original_price")
        preferredCurrency = c.string("preferred_currency") ?? ""
        supportedCurrencies = (c.string("support_currencies") ?? "").split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        flowGB = c.double("flow_value")
        bonusFlowGB = c.double("flow_give")
        balanceValue = c.double("balance_value")
        balanceBonus = c.double("balance_give")
        timeDays = c.int("time_days")
        tips = [c.string("tip1"), c.string("tip2")].compactMap { $0 }.filter { !$0.isEmpty }
        introduction = c.read("introduce") { try $0.array("introduce", of: String.self) } ?? []
        parentProductType = c.int("parent_product_type").flatMap { $0 == 0 ? nil : ProductType($0) }
        totalStock = c.int("total_count")
        remainingStock = c.int("remain_count")
        durationMultipliers = c.read("extension_of_time_days") { try $0.array("extension_of_time_days", of: Int.self) } ?? []
        durationPriceRate = c.double("time_days_price_rate")
        let description = c.read("desc") { try $0.object("desc", of: Description.self) }
        subtitle = description?.subtitle ?? ""
        let skus = c.read("sku") { try $0.object("sku", of: SKUs.self) }
        bandwidthSKUs = skus?.bandwidth ?? []
        durationSKUs = skus?.duration ?? []
        concurrencySKUs = skus?.concurrency ?? []
        unreadable = c.unreadable
        for name in description?.unreadable.names ?? [] { unreadable.insert("desc." + name) }
        for name in skus?.unreadable.names ?? [] { unreadable.insert("sku." + name) }
    }

    private init(unreadableRow: ()) {
        id = 0
        title = ""
        type = ProductType(0)
        preferredCurrency = ""
        supportedCurrencies = []
        tips = []
        introduction = []
        durationMultipliers = []
        subtitle = ""
        bandwidthSKUs = []
        durationSKUs = []
        concurrencySKUs = []
        unreadable = UnreadableFields(["row"])
    }
}

extension Product: PlaceholderRow {
    static func unreadableRow() -> Product { Product(unreadableRow: ()) }
}

extension Product.SKU: PlaceholderRow {
    static func unreadableRow() -> Product.SKU { Product.SKU(unreadableRow: ()) }
}
