import Foundation
import Monitor
import ProxyLiteAPI

/// The orders table's columns, for the dashboard and `snapshot`, in CSV order (new ones go last, so
/// that scripts reading columns by position keep working).
public enum OrdersColumns {
    public static let all: [PaneColumn<Order>] = [
        PaneColumn(
            "trade_no", title: .key(.colTradeNo), width: .fixed(28), fields: ["trade_no"],
            text: { o, _ in o.tradeNo.isEmpty ? UnreadableText.mark : o.tradeNo }, raw: { o, _ in o.tradeNo }),
        PaneColumn(
            "title", title: .key(.colTitle), width: .flex(min: 10), maxWidth: 30, fields: ["title"], name: true,
            text: { o, _ in DisplayWidth.displaySafe(o.title) }, raw: { o, _ in o.title }),
        PaneColumn(
            "type", title: .key(.colType), width: .flex(min: 8), maxWidth: 24, fields: ["product_type"],
            text: { o, _ in ModelText.productType(o) },
            raw: { o, _ in o.productType.map { String($0.code) } ?? "" }),
        // The number of items bought (the API calls it amount; the money is PAY FEE).
        PaneColumn("amount", title: .key(.colQty), width: .fixed(4), .right, fields: ["amount"], text: { o, _ in String(o.amount) }),
        PaneColumn(
            "pay_fee", title: .key(.colPayFee), width: .fixed(9), .right, fields: ["pay_fee"],
            text: { o, _ in String(format: "%.2f", o.payFee) }),
        PaneColumn(
            "status", title: .key(.colStatus), width: .fixed(9), fields: ["status"], unreadableRole: .dim,
            display: { o, _ in TableCell(ModelText.orderStatus(o), statusRole(o.status)) },
            raw: { o, _ in o.status.map { String($0.code) } ?? "" }),
        PaneColumn(
            "created", title: .key(.colCreated), width: .fixed(16), fields: ["created_at"], text: { o, c in c.minute(o.createdAt) },
            raw: { o, _ in ColumnContext.iso(o.createdAt) }),
        PaneColumn(
            "paid", title: .key(.colPaid), width: .fixed(10), fields: ["pay_at"], text: { o, c in c.day(o.paidAt) },
            raw: { o, _ in ColumnContext.iso(o.paidAt) }),
        PaneColumn(
            "pay_fee_status", title: .key(.colPayment), width: .fixed(9), fields: ["pay_fee_status"],
            display: { o, _ in TableCell(ModelText.payFee(o), payFeeRole(o.payFeeStatus)) },
            raw: { o, _ in o.payFeeStatus.map { String($0.code) } ?? "" }),
        PaneColumn(
            "refund", title: .key(.colRefund), width: .fixed(9), .right, fields: ["refund_fee"], text: { o, _ in ModelText.refund(o) },
            raw: { o, _ in String(format: "%.2f", o.refundFee) }),
    ]

    public static func unreadable(_ order: Order) -> UnreadableFields { order.unreadable }

    static func statusRole(_ status: OrderStatus?) -> ColorRole {
        switch status {
        case nil: return .dim
        case .unpaid?: return .warning
        case .paid?: return .good
        case .refunded?: return .accent
        default: return .dim
        }
    }

    /// An overpaid or underpaid order needs the provider's support; a normal one needs nothing.
    static func payFeeRole(_ status: PayFeeStatus?) -> ColorRole? {
        switch status {
        case .overpaid?, .underpaid?: return .warning
        default: return nil
        }
    }
}
