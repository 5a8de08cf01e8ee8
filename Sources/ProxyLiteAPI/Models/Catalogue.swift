import Foundation

/// A group of payment methods, from payment/groups.
public struct PaymentGroup: Sendable, Hashable, Decodable {
    public var name: String
    public var logos: [String]
    public var methods: [Method]

    public struct Method: Sendable, Hashable, Decodable {
        public var id: Int
        public var title: String
        public var logo: String
        public var group: String
        public var disabled: Bool
        public var minimum: Double?
        public var maximum: Double?
        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            id = try c.int("id") ?? 0
            title = try c.string("title") ?? ""
            logo = try c.string("logo") ?? ""
            group = try c.string("group") ?? ""
            disabled = try c.bool("disabled") ?? false
            minimum = try c.double("min")
            maximum = try c.double("max")
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        name = try c.string("name") ?? ""
        logos = try c.array("logos")
        methods = try c.array("items")
    }
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

    /// A variant of a product of type 11: bandwidth (Mbps), duration (days) or concurrency.
    public struct SKU: Sendable, Hashable, Decodable, Identifiable {
        public var id: Int
        public var value: Int
        public var priceCNY: Double?
        public var priceUSD: Double?
        public var priceHKD: Double?
        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            id = try c.int("id") ?? 0
            value = try c.int("value") ?? 0
            priceCNY = try c.double("price")
            priceUSD = try c.double("price_usd")
            priceHKD = try c.double("price_hkd")
        }
    }

    /// Whether it may be offered for sale: on sale, and not custom-only (show_type 3).
    public var isPurchasable: Bool { onSale == true && showType != .notPurchasable }

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

    private struct Description: Decodable {
        let subtitle: String?
        init(from decoder: any Decoder) throws { subtitle = try decoder.wire().string("subtitle") }
    }

    private struct SKUs: Decodable {
        let bandwidth: [SKU]
        let duration: [SKU]
        let concurrency: [SKU]
        init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            bandwidth = try c.array("bandwidth_list")
            duration = try c.array("duration_list")
            concurrency = try c.array("concurrency_list")
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        id = try c.int("id") ?? 0
        title = try c.string("title") ?? ""
        type = ProductType(try c.int("type") ?? 0)
        showType = try c.int("show_type").map { ShowType(code: $0) }
        onSale = try c.int("status").map { $0 == 1 }
        priceCNY = try c.double("price")
        priceUSD = try c.double("usd_price")
        priceHKD = try c.double("price_hkd")
        originalPriceCNY = try c.double("original_price")
        originalPriceUSD = try c.double("original_usd_price")
        originalPriceHKD = try c.double("original_price_hkd")
        localPrice = try c.double("local_price")
        localOriginalPrice = try c.double("local_original_price")
        preferredCurrency = try c.string("preferred_currency") ?? ""
        supportedCurrencies = (try c.string("support_currencies") ?? "").split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        flowGB = try c.double("flow_value")
        bonusFlowGB = try c.double("flow_give")
        balanceValue = try c.double("balance_value")
        balanceBonus = try c.double("balance_give")
        timeDays = try c.int("time_days")
        tips = [try c.string("tip1"), try c.string("tip2")].compactMap { $0 }.filter { !$0.isEmpty }
        introduction = try c.array("introduce")
        parentProductType = try c.int("parent_product_type").flatMap { $0 == 0 ? nil : ProductType($0) }
        totalStock = try c.int("total_count")
        remainingStock = try c.int("remain_count")
        durationMultipliers = try c.array("extension_of_time_days")
        durationPriceRate = try c.double("time_days_price_rate")
        subtitle = try c.object("desc", of: Description.self)?.subtitle ?? ""
        let skus = try c.object("sku", of: SKUs.self)
        bandwidthSKUs = skus?.bandwidth ?? []
        durationSKUs = skus?.duration ?? []
        concurrencySKUs = skus?.concurrency ?? []
    }
}
