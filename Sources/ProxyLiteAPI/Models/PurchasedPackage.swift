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
    /// Fields that came but could not be read; see `UnreadableFields` (`order.title` for the
    /// nested order's).
    public var unreadable = UnreadableFields()

    /// Whether the package can be named (inspected): it needs a readable id.
    public var hasIdentity: Bool { id != 0 && !unreadable.contains("id") }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        id = c.int("id") ?? 0
        createdAt = c.date("created_at")
        expiresAt = c.date("expired_at")
        productType = ProductType(c.int("product_type") ?? 0)
        tradeNo = c.string("trade_no") ?? ""
        let order = c.read("order") { try $0.object("order", of: OrderInfo.self) }
        orderCreatedAt = order?.createdAt
        orderPaidAt = order?.paidAt
        orderTitle = order?.title ?? ""
        unreadable = c.unreadable
        for name in order?.unreadable.names ?? [] { unreadable.insert("order." + name) }
    }

    private init(unreadableRow: ()) {
        id = 0
        productType = ProductType(0)
        tradeNo = ""
        orderTitle = ""
        unreadable = UnreadableFields(["row"])
    }

    private struct OrderInfo: Decodable {
        let createdAt: Date?
        let paidAt: Date?
        let title: String?
        let unreadable: UnreadableFields
        init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            createdAt = c.date("created_at")
            paidAt = c.date("pay_at")
            title = c.string("title")
            unreadable = c.unreadable
        }
    }
}

extension PurchasedPackage: PlaceholderRow {
    static func unreadableRow() -> PurchasedPackage { PurchasedPackage(unreadableRow: ()) }
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
