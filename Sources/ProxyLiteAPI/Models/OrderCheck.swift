import Foundation

/// The price preview of order/check: what order/create would charge, created nothing.
public struct OrderCheckResult: Sendable, Hashable, APIPayload {
    public var productID: Int
    public var amount: Int
    public var discountFee: Double
    public var totalFee: Double
    public var payFee: Double
    public var productType: ProductType
    public var title: String
    public var detail: String
    /// One line per IP when the order renews static IPs.
    public var ipPrices: [IPPrice]

    public struct IPPrice: Sendable, Hashable, Decodable {
        public var ip: String
        public var price: Double
        public var countryCode: String
        public var countryName: String
        /// When the IP expires now.
        public var currentExpiry: Date?
        /// When it would expire after the renewal.
        public var renewedExpiry: Date?

        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            ip = try c.string("ip") ?? ""
            price = try c.double("price") ?? 0
            countryCode = try c.string("country_code") ?? ""
            countryName = try c.object("country", of: Country.self)?.name ?? ""
            currentExpiry = try c.date("current_time", decoder)
            renewedExpiry = try c.date("renewal_time", decoder)
        }

        private struct Country: Decodable {
            let name: String?
            init(from decoder: any Decoder) throws { name = try decoder.wire().string("name_zh_cn") }
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        productID = try c.int("product_id") ?? 0
        amount = try c.int("amount") ?? 0
        discountFee = try c.double("discount_fee") ?? 0
        totalFee = try c.double("total_fee") ?? 0
        payFee = try c.double("pay_fee") ?? 0
        productType = ProductType(try c.int("product_type") ?? 0)
        title = try c.string("title") ?? ""
        detail = try c.string("detail") ?? ""
        ipPrices = try c.array("ip_result")
    }

    public static func empty() throws -> OrderCheckResult {
        throw DecodingError.valueNotFound(
            OrderCheckResult.self, .init(codingPath: [WireKey("data")], debugDescription: "order/check answered no data"))
    }
}

extension Order: APIPayload {
    public static func empty() throws -> Order {
        throw DecodingError.valueNotFound(
            Order.self, .init(codingPath: [WireKey("data")], debugDescription: "order/create answered no order"))
    }
}
