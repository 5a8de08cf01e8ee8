import Foundation
import Monitor
import ProxyLiteAPI

/// Orders, newest first; unpaid ones stand out.
enum OrdersScreen {
    static let columns: [TableColumn] = [
        TableColumn("TRADE NO", .fixed(28)), TableColumn("TITLE", .flex(min: 10)), TableColumn("TYPE", .flex(min: 8)),
        TableColumn("QTY", .fixed(4), .right), TableColumn("PAY FEE", .fixed(9), .right), TableColumn("STATUS", .fixed(9)),
        TableColumn("CREATED", .fixed(16)), TableColumn("PAID", .fixed(10)),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.orders
        let orders = state.value ?? []
        let shown = context.lists.orders
        let unpaid = orders.filter { $0.status == .unpaid }.count
        let filter = context.ui.orderStatusFilter.map { "  status: \($0)" } ?? ""
        guard
            let tableArea = PaneStatus.frame(
                "Orders \(shown.count) / \(orders.count)\(filter)", note: unpaid > 0 ? "\(unpaid) awaiting payment" : "", state: state,
                now: context.now, area: area, into: &buffer)
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
        case .unpaid: statusRole = .warning
        case .paid: statusRole = .good
        case .refunded: statusRole = .accent
        default: statusRole = .dim
        }
        return TableRow(
            [
                TableCell(order.tradeNo), TableCell(order.title), TableCell(order.productType.label(in: .order)),
                TableCell(String(order.amount)), TableCell(String(format: "%.2f", order.payFee)),
                TableCell(order.status.description, statusRole), TableCell(created ?? ""),
                TableCell(order.paidAt.map { TimeText.day($0, zone: context.zone) } ?? ""),
            ], role: order.status == .unpaid ? .warning : .normal)
    }
}
