import Foundation

/// The price preview of order/check: what order/create would charge, created nothing.
///
/// A fee that could not be read is 0 here and named in `unreadable`: whoever shows the preview
/// must say so rather than show 0 (see `isReadable(_:)`).
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
    /// Fields that came but could not be read; see `UnreadableFields`. A line's are its own.
    public var unreadable = UnreadableFields()

    /// Whether the wire field `name` (`pay_fee`) was read.
    public func isReadable(_ name: String) -> Bool { !unreadable.contains(name) }

    /// Whether the answer carried no `pay_fee` at all (null or missing): the price to pay is
    /// unknown then too, not 0.
    public var payFeeMissing: Bool

    public struct IPPrice: Sendable, Hashable, Decodable {
        public var ip: String
        /// 0 when it could not be read; see `unreadable`.
        public var price: Double
        public var countryCode: String
        public var countryName: String
        /// When the IP expires now.
        public var currentExpiry: Date?
        /// When it would expire after the renewal.
        public var renewedExpiry: Date?
        /// Fields that came but could not be read; see `UnreadableFields` (`country.name_zh_cn`
        /// for the nested country's).
        public var unreadable = UnreadableFields()

        /// Whether the wire field `name` (`price`) was read.
        public func isReadable(_ name: String) -> Bool { !unreadable.contains(name) && !unreadable.contains("row") }

        /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
        public init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            ip = c.string("ip") ?? ""
            price = c.double("price") ?? 0
            countryCode = c.string("country_code") ?? ""
            let country = c.read("country") { try $0.object("country", of: Country.self) }
            countryName = country?.name ?? ""
            currentExpiry = c.date("current_time")
            renewedExpiry = c.date("renewal_time")
            unreadable = c.unreadable
            for name in country?.unreadable.names ?? [] { unreadable.insert("country." + name) }
        }

        private init(unreadableRow: ()) {
            ip = ""
            price = 0
            countryCode = ""
            countryName = ""
            unreadable = UnreadableFields(["row"])
        }

        private struct Country: Decodable {
            let name: String?
            let unreadable: UnreadableFields
            init(from decoder: any Decoder) throws {
                var c = try TolerantFields(decoder)
                name = c.string("name_zh_cn")
                unreadable = c.unreadable
            }
        }
    }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        productID = c.int("product_id") ?? 0
        amount = c.int("amount") ?? 0
        discountFee = c.double("discount_fee") ?? 0
        totalFee = c.double("total_fee") ?? 0
        let payFee = c.double("pay_fee")
        self.payFee = payFee ?? 0
        payFeeMissing = payFee == nil && !c.unreadable.contains("pay_fee")
        productType = ProductType(c.int("product_type") ?? 0)
        title = c.string("title") ?? ""
        detail = c.string("detail") ?? ""
        ipPrices = c.read("ip_result") { try $0.array("ip_result", of: IPPrice.self) } ?? []
        unreadable = c.unreadable
    }

    public static func empty() throws -> OrderCheckResult {
        throw DecodingError.valueNotFound(
            OrderCheckResult.self, .init(codingPath: [WireKey("data")], debugDescription: "order/check answered no data"))
    }
}

extension OrderCheckResult.IPPrice: PlaceholderRow {
    static func unreadableRow() -> OrderCheckResult.IPPrice { OrderCheckResult.IPPrice(unreadableRow: ()) }
}

extension Order: APIPayload {
    public static func empty() throws -> Order {
        throw DecodingError.valueNotFound(
            Order.self, .init(codingPath: [WireKey("data")], debugDescription: "order/create answered no order"))
    }
}
