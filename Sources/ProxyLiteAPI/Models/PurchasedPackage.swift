import Foundation

/// A purchased package, from user-product/list.
public struct PurchasedPackage: Sendable, Hashable, Decodable, Identifiable {
    public var id: Int
    public var createdAt: Date?
    public var expiresAt: Date?
    public var productType: ProductType
    public var tradeNo: String
    public var orderCreatedAt: Date?
    public var orderPaidAt: Date?
    public var orderTitle: String

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        id = try c.int("id") ?? 0
        createdAt = try c.date("created_at", decoder)
        expiresAt = try c.date("expired_at", decoder)
        productType = ProductType(try c.int("product_type") ?? 0)
        tradeNo = try c.string("trade_no") ?? ""
        let order = try c.object("order", of: OrderInfo.self)
        orderCreatedAt = order?.createdAt
        orderPaidAt = order?.paidAt
        orderTitle = order?.title ?? ""
    }

    private struct OrderInfo: Decodable {
        let createdAt: Date?
        let paidAt: Date?
        let title: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            createdAt = try c.date("created_at", decoder)
            paidAt = try c.date("pay_at", decoder)
            title = try c.string("title")
        }
    }
}

/// A page in the page/size style of user-product/list (and, as the simulator serves it, of
/// ip/get-static-ip): `list` beside `page`, `page_size`, `total_count`, `total_page`.
struct SizedPage<Item: Decodable & Sendable>: APIPayload {
    let list: [Item]
    let totalPages: Int?
    let totalCount: Int?

    init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        list = try c.array("list")
        var pages = try c.int("total_page") ?? c.int("total_pages")
        var count = try c.int("total_count") ?? c.int("total")
        if let pagination = try? c.object("pagination", of: OrderPage.Pagination.self) {
            pages = pages ?? pagination.totalPages
            count = count ?? pagination.total
        }
        totalPages = pages
        totalCount = count
    }

    private init() {
        list = []
        totalPages = 0
        totalCount = 0
    }

    static func empty() -> SizedPage { SizedPage() }
}
