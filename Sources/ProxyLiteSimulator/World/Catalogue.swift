import Foundation
import ProxyLiteAPI

/// The fixed catalogues: countries, products, payment methods. The same for every seed.
enum Catalogue {
    struct Country {
        let code: String
        let zh: String
        let en: String
        let continent: String
        let states: [(state: String, cities: [String])]
    }

    static let countries: [Country] = [
        Country(
            code: "US", zh: "美国", en: "United States", continent: "NA",
            states: [
                ("california", ["Los Angeles", "San Francisco", "San Jose"]), ("new york", ["New York", "Buffalo"]),
                ("texas", ["Houston", "Dallas", "Austin"]), ("alabama", ["Arlington", "Birmingham"]),
            ]),
        Country(
            code: "JP", zh: "日本", en: "Japan", continent: "AS",
            states: [("tokyo", ["Tokyo", "Hachioji"]), ("osaka", ["Osaka", "Sakai"])]),
        Country(
            code: "DE", zh: "德国", en: "Germany", continent: "EU",
            states: [("berlin", ["Berlin"]), ("bavaria", ["Munich", "Nuremberg"]), ("hesse", ["Frankfurt"])]),
        Country(
            code: "GB", zh: "英国", en: "United Kingdom", continent: "EU",
            states: [("england", ["London", "Manchester"]), ("scotland", ["Edinburgh"])]),
        Country(
            code: "SG", zh: "新加坡", en: "Singapore", continent: "AS", states: [("singapore", ["Singapore"])]),
        Country(
            code: "HK", zh: "香港", en: "Hong Kong", continent: "AS", states: [("hong kong", ["Hong Kong"])]),
        Country(
            code: "BR", zh: "巴西", en: "Brazil", continent: "SA",
            states: [("sao paulo", ["São Paulo", "Campinas"]), ("rio de janeiro", ["Rio de Janeiro"])]),
        Country(
            code: "FR", zh: "法国", en: "France", continent: "EU",
            states: [("ile-de-france", ["Paris"]), ("provence", ["Marseille", "Nice"])]),
        Country(
            code: "KR", zh: "韩国", en: "South Korea", continent: "AS", states: [("seoul", ["Seoul"])]),
        Country(
            code: "AU", zh: "澳大利亚", en: "Australia", continent: "OC",
            states: [("new south wales", ["Sydney"]), ("victoria", ["Melbourne"])]),
    ]

    static func country(_ code: String) -> Country? {
        countries.first { $0.code.caseInsensitiveCompare(code) == .orderedSame }
    }

    struct ProductEntry {
        let id: Int
        let title: String
        let type: Int
        let priceUSD: Double
        let flowGB: Double?
        let days: Int
        let parentType: Int?
        /// 1 normal, 2 recommended, 3 not purchasable (custom only), 4 trial.
        var showType = 1
        /// status: 1 上架 (on sale) or 0 下架.
        var onSale = true
        /// total_count and remain_count; nil: not counted (total_count 0).
        var stock: (total: Int, remaining: Int)? = nil
    }

    static let products: [ProductEntry] = [
        ProductEntry(id: 101, title: "入门级 Starter 5 GB", type: 9, priceUSD: 15, flowGB: 5, days: 30, parentType: nil),
        ProductEntry(id: 102, title: "Business 50 GB", type: 9, priceUSD: 120, flowGB: 50, days: 90, parentType: nil),
        ProductEntry(id: 103, title: "Enterprise 500 GB", type: 9, priceUSD: 900, flowGB: 500, days: 180, parentType: nil),
        ProductEntry(id: 111, title: "Unlimited global V2", type: 11, priceUSD: 0, flowGB: nil, days: 30, parentType: nil),
        ProductEntry(id: 114, title: "Datacenter static IP", type: 14, priceUSD: 3, flowGB: nil, days: 30, parentType: nil),
        ProductEntry(id: 125, title: "住宅静态IP Residential", type: 25, priceUSD: 6, flowGB: nil, days: 30, parentType: nil),
        ProductEntry(id: 119, title: "Static IP renewal (datacenter)", type: 19, priceUSD: 3, flowGB: nil, days: 30, parentType: 14),
        ProductEntry(id: 129, title: "Static IP renewal (residential)", type: 19, priceUSD: 6, flowGB: nil, days: 30, parentType: 25),
        ProductEntry(id: 103_0, title: "Balance top-up", type: 3, priceUSD: 1, flowGB: nil, days: 0, parentType: nil),
    ]

    /// Shown by /product but not sold as listed (show_type 3, 不可购买需定制); kept out of
    /// `products` so that order/create refuses them and the seeded orders stay as they were.
    static let customOnly: [ProductEntry] = [
        ProductEntry(
            id: 118, title: "Static IP renewal (datacenter, custom)", type: 19, priceUSD: 2, flowGB: nil, days: 30, parentType: 14,
            showType: 3)
    ]

    /// Listed after the rest, and kept out of `products` so that seeded worlds stay as they were:
    /// one whose stock is counted, one sold out, one withdrawn (status 0). Only the first can be bought.
    static let stockAndStatus: [ProductEntry] = [
        ProductEntry(
            id: 127, title: "Residential static IP · Tokyo pool", type: 25, priceUSD: 8, flowGB: nil, days: 30, parentType: nil,
            stock: (total: 40, remaining: 6)),
        ProductEntry(
            id: 128, title: "Datacenter static IP · Seoul pool", type: 14, priceUSD: 4, flowGB: nil, days: 30, parentType: nil,
            stock: (total: 30, remaining: 0)),
        ProductEntry(
            id: 104, title: "Legacy 20 GB (withdrawn)", type: 9, priceUSD: 50, flowGB: 20, days: 30, parentType: nil, onSale: false),
    ]

    /// What /product lists: the custom-only ones first, so that a client picking the first
    /// renewal product it sees would pick one that cannot be bought.
    static var listed: [ProductEntry] { customOnly + products + stockAndStatus }

    static let paymentMethods: [(group: String, id: Int, title: String, min: Double, max: Double)] = [
        ("Balance", 1, "Account balance", 0, 100_000), ("Card", 2, "Visa / Mastercard", 5, 5_000),
        ("Card", 3, "American Express", 5, 5_000), ("Crypto", 4, "USDT (TRC20)", 10, 50_000),
        ("Alipay", 5, "支付宝 Alipay", 1, 20_000),
    ]

    /// The account balance: the method an order can be charged to at once.
    static let balanceMethodID = 1

    /// Listed by payment/groups with `disabled: true`; kept out of `paymentMethods`, which seeds orders.
    static let disabledMethods: [(group: String, id: Int, title: String, min: Double, max: Double)] = [
        ("Crypto", 6, "Bitcoin (BTC)", 20, 50_000)
    ]

    /// Every method payment/groups lists, enabled or not.
    static var allMethods: [(group: String, id: Int, title: String, min: Double, max: Double)] {
        paymentMethods + disabledMethods
    }

    static func isDisabled(_ methodID: Int) -> Bool { disabledMethods.contains { $0.id == methodID } }

    /// A variant of the type-11 product, with its price in USD.
    struct SKU {
        let id: Int
        let value: Int
        let priceUSD: Double
    }

    static let bandwidthSKUs = [
        SKU(id: 1, value: 100, priceUSD: 50), SKU(id: 2, value: 500, priceUSD: 180), SKU(id: 3, value: 1000, priceUSD: 300),
    ]
    static let durationSKUs = [
        SKU(id: 11, value: 1, priceUSD: 10), SKU(id: 12, value: 7, priceUSD: 60), SKU(id: 13, value: 30, priceUSD: 199),
    ]
    static let concurrencySKUs = [
        SKU(id: 21, value: 100, priceUSD: 0), SKU(id: 22, value: 500, priceUSD: 40), SKU(id: 23, value: 2000, priceUSD: 120),
    ]

    /// extension_of_time_days of every product, and time_days_price_rate.
    static let durationMultipliers = [1, 2, 3]
    static let durationPriceRate = 0.9

    /// Coupon codes order/check and order/create accept, with the share of the price they take off.
    static let coupons: [String: Double] = ["WELCOME10": 0.10, "SPRING25": 0.25]

    static let remarks: [String] = [
        "", "", "电商爬虫", "数据采集-东京", "SEO monitor", "price tracker", "🚀 launch team", "客户A 专用",
        "ads verification", "社交媒体 👍", "backup pool", "QA", "市场调研 long remark for testing width",
    ]

    static let usernameStems: [String] = [
        "shop", "crawler", "seo", "ads", "team", "client", "scraper", "monitor", "price", "social", "data", "qa",
    ]
}
