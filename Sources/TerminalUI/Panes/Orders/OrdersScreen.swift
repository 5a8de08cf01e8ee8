import Foundation
import Monitor
import ProxyLiteAPI

/// Orders, newest first; unpaid ones stand out. An order whose status is missing is unknown,
/// neither highlighted nor counted as unpaid.
enum OrdersScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.orders
        let orders = state.value ?? []
        let shown = context.lists.orders
        let unpaid = orders.filter(\.isUnpaid).count
        let filter = context.ui.orderStatusFilter.map { UIText.ordersStatusFilter($0) } ?? ""
        guard
            let tableArea = PaneStatus.frame(
                UIText.ordersTitle(shown.count, orders.count)
                    + "\(filter)\(UnreadableText.title(UnreadableText.count(orders) { $0.unreadable }))",
                note: unpaid > 0 ? UIText.ordersAwaiting(unpaid) : "", state: state,
                context: context, area: area, into: &buffer)
        else { return }
        let columns = OrdersColumns.all
        let cellContext = ColumnContext.dashboard(context)
        PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.orders) {
            let order = orders[shown[$0]]
            return PaneTable.row(
                order, columns: columns, unreadable: order.unreadable, context: cellContext, role: order.isUnpaid ? .warning : .normal)
        }.render(into: &buffer, area: tableArea)
    }
}
