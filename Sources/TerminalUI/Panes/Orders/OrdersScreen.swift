import Foundation
import Monitor
import ProxyLiteAPI

/// Orders, newest first; unpaid ones stand out. An order whose status is missing is unknown,
/// neither highlighted nor counted as unpaid.
enum OrdersScreen {
    static let columns: [TableColumn] = [
        TableColumn("TRADE NO", .fixed(28)), TableColumn("TITLE", .flex(min: 10)), TableColumn("TYPE", .flex(min: 8)),
        TableColumn("QTY", .fixed(4), .right), TableColumn("PAY FEE", .fixed(9), .right), TableColumn("STATUS", .fixed(9)),
        TableColumn("CREATED", .fixed(16)), TableColumn("PAID", .fixed(10)), TableColumn("PAYMENT", .fixed(9)),
        TableColumn("REFUND", .fixed(9), .right),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.orders
        let orders = state.value ?? []
        let shown = context.lists.orders
        let unpaid = orders.filter(\.isUnpaid).count
        let filter = context.ui.orderStatusFilter.map { "  status: \($0)" } ?? ""
        guard
            let tableArea = PaneStatus.frame(
                "Orders \(shown.count) / \(orders.count)\(filter)\(UnreadableText.title(UnreadableText.count(orders) { $0.unreadable }))",
                note: unpaid > 0 ? "\(unpaid) awaiting payment" : "", state: state,
                context: context, area: area, into: &buffer)
        else { return }
        Table(columns: columns, count: shown.count, selected: context.ui.orders.selected, offset: context.ui.orders.offset) {
            row(orders[shown[$0]], context: context)
        }.render(into: &buffer, area: tableArea)
    }

    static func row(_ order: Order, context: RenderContext) -> TableRow {
        let created = order.createdAt.map {
            TimeText.day($0, zone: context.zone) + " " + String(TimeText.clock($0, zone: context.zone).prefix(5))
        }
        let statusRole: ColorRole
        switch order.status {
        case nil: statusRole = .dim
        case .unpaid: statusRole = .warning
        case .paid: statusRole = .good
        case .refunded: statusRole = .accent
        default: statusRole = .dim
        }
        let bad = order.unreadable
        return TableRow(
            [
                TableCell(order.hasIdentity ? order.tradeNo : UnreadableText.mark),
                TableCell(UnreadableText.cell(order.title, bad, "title")),
                TableCell(UnreadableText.cell(order.typeLabel, bad, "product_type")),
                TableCell(UnreadableText.cell(String(order.amount), bad, "amount")),
                TableCell(UnreadableText.cell(String(format: "%.2f", order.payFee), bad, "pay_fee")),
                TableCell(UnreadableText.cell(order.statusText, bad, "status"), statusRole),
                TableCell(UnreadableText.cell(created ?? "", bad, "created_at")),
                TableCell(UnreadableText.cell(order.paidAt.map { TimeText.day($0, zone: context.zone) } ?? "", bad, "pay_at")),
                TableCell(UnreadableText.cell(order.payFeeText, bad, "pay_fee_status"), payFeeRole(order.payFeeStatus)),
                TableCell(UnreadableText.cell(order.refundText, bad, "refund_fee")),
            ], role: order.isUnpaid ? .warning : .normal)
    }

    /// An overpaid or underpaid order needs the provider's support; a normal one needs nothing.
    static func payFeeRole(_ status: PayFeeStatus?) -> ColorRole? {
        switch status {
        case .overpaid?, .underpaid?: return .warning
        default: return nil
        }
    }
}
