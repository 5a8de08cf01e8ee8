import Foundation

/// An order's state. Unknown codes survive as `.other`.
public enum OrderStatus: Sendable, Hashable, CustomStringConvertible {
    case unpaid, paid, cancelled, refunded
    case other(Int)

    public init(code: Int) {
        switch code {
        case 0: self = .unpaid
        case 1: self = .paid
        case 2: self = .cancelled
        case 3: self = .refunded
        default: self = .other(code)
        }
    }

    public var code: Int {
        switch self {
        case .unpaid: return 0
        case .paid: return 1
        case .cancelled: return 2
        case .refunded: return 3
        case .other(let c): return c
        }
    }

    public var description: String {
        switch self {
        case .unpaid: return "unpaid"
        case .paid: return "paid"
        case .cancelled: return "cancelled"
        case .refunded: return "refunded"
        case .other(let c): return "status \(c)"
        }
    }
}

/// pay_fee_status (长短款状态): whether the customer paid the exact amount. Unknown codes survive.
public enum PayFeeStatus: Sendable, Hashable, CustomStringConvertible {
    /// 0 正常.
    case normal
    /// 1 长款: paid more than the order's amount.
    case overpaid
    /// 2 短款: paid less; the reference's product 26 (补单) settles the difference.
    case underpaid
    case other(Int)

    public init(code: Int) {
        switch code {
        case 0: self = .normal
        case 1: self = .overpaid
        case 2: self = .underpaid
        default: self = .other(code)
        }
    }

    public var code: Int {
        switch self {
        case .normal: return 0
        case .overpaid: return 1
        case .underpaid: return 2
        case .other(let c): return c
        }
    }

    public var description: String {
        switch self {
        case .normal: return "normal"
        case .overpaid: return "overpaid"
        case .underpaid: return "underpaid"
        case .other(let c): return "pay status \(c)"
        }
    }
}

/// An order, from order/list or order/create.
public struct Order: Sendable, Hashable, Decodable, Identifiable {
    public var id: Int
    public var tradeNo: String
    public var outTradeNo: String
    public var productID: Int
    /// Nil when the order did not say: a missing code is not type 0.
    public var productType: ProductType?
    public var amount: Int
    public var unitPrice: Double
    public var totalFee: Double
    public var goodsFee: Double
    public var payFee: Double
    public var discountFee: Double
    public var handlingFee: Double
    public var refundFee: Double
    public var paymentMethodID: Int
    public var paymentMethodTitle: String
    /// Nil when the order did not say: unknown, never taken for unpaid.
    public var status: OrderStatus?
    public var title: String
    public var detail: String
    public var regionDescription: String
    public var paidAt: Date?
    public var createdAt: Date?
    /// Whether the amount paid matched; nil when the order did not say.
    public var payFeeStatus: PayFeeStatus?
    public var invoice: Invoice?

    public struct Invoice: Sendable, Hashable, Decodable {
        public var name, orgName, email, vatID, country: String
        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            name = try c.string("name") ?? ""
            orgName = try c.string("org_name") ?? ""
            email = try c.string("email") ?? ""
            vatID = try c.string("vat_id") ?? ""
            country = try c.string("address_country") ?? ""
        }
    }

    /// Fields that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    /// Whether the order can be named to the API (closed, inspected): it needs its trade number.
    public var hasIdentity: Bool { !tradeNo.isEmpty && !unreadable.contains("trade_no") }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        id = c.int("id") ?? 0
        tradeNo = c.string("trade_no") ?? ""
        outTradeNo = c.string("out_trade_no") ?? ""
        productID = c.int("product_id") ?? 0
        productType = c.int("product_type").map { ProductType($0) }
        amount = c.int("amount") ?? 0
        unitPrice = c.double("unit_price") ?? 0
        totalFee = c.double("total_fee") ?? 0
        goodsFee = c.double("goods_fee") ?? 0
        payFee = c.double("pay_fee") ?? 0
        discountFee = c.double("discount_fee") ?? 0
        handlingFee = c.double("handling_fee") ?? 0
        refundFee = c.double("refund_fee") ?? 0
        paymentMethodID = c.int("pm_id") ?? 0
        paymentMethodTitle = c.string("pm_title") ?? ""
        status = c.int("status").map { OrderStatus(code: $0) }
        title = c.string("title") ?? ""
        detail = c.string("detail") ?? ""
        regionDescription = c.string("region_desc") ?? ""
        paidAt = c.date("pay_at")
        if paidAt == nil, !c.unreadable.contains("pay_at"), let stamp = c.int64("pay_timestamp"), stamp > 0 {
            paidAt = APIDate.bounded(seconds: stamp)
        }
        createdAt = c.date("created_at")
        payFeeStatus = c.int("pay_fee_status").map { PayFeeStatus(code: $0) }
        invoice = c.read("invoice") { try $0.object("invoice") }
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        id = 0
        tradeNo = ""
        outTradeNo = ""
        productID = 0
        amount = 0
        unitPrice = 0
        totalFee = 0
        goodsFee = 0
        payFee = 0
        discountFee = 0
        handlingFee = 0
        refundFee = 0
        paymentMethodID = 0
        paymentMethodTitle = ""
        title = ""
        detail = ""
        regionDescription = ""
        unreadable = UnreadableFields(["row"])
    }
}

extension Order: PlaceholderRow {
    static func unreadableRow() -> Order { Order(unreadableRow: ()) }
}

/// A page of order/list: `data.list` plus `data.pagination`.
struct OrderPage: APIPayload {
    let list: [Order]
    let totalPages: Int?
    let total: Int?

    init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        list = try c.array("list")
        let pagination = try c.object("pagination", of: Pagination.self)
        totalPages = pagination?.totalPages
        total = pagination?.total
    }

    private init() {
        list = []
        totalPages = 0
        total = 0
    }

    static func empty() -> OrderPage { OrderPage() }

    struct Pagination: Decodable {
        let total: Int?
        let totalPages: Int?
        init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            total = try c.int("total")
            totalPages = try c.int("total_pages") ?? c.int("total_page")
        }
    }
}

extension Order {
    /// The status as words; "unknown" when the order did not say.
    public var statusText: String { status?.description ?? "unknown" }

    /// Whether it can still be paid or closed: only a known unpaid status counts.
    public var isUnpaid: Bool { status == .unpaid }

    /// The pay-fee status as words; "" when the order did not say.
    public var payFeeText: String { payFeeStatus?.description ?? "" }

    /// The refund as shown: the amount when there is one, "refunded" when the status says so.
    public var refundText: String {
        if refundFee > 0 { return String(format: "%.2f", refundFee) }
        return status == .refunded ? "refunded" : ""
    }
}
