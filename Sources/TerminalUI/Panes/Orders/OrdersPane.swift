import Foundation
import Monitor
import ProxyLiteAPI

/// Orders, filtered by status; close an unpaid one.
enum OrdersPane: Pane {
    static let tab = Tab.orders
    static let id = "orders"
    static let title = "Orders"
    static var table: WritableKeyPath<UIState, TableState>? { \.orders }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.orders.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        OrdersScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "filter", "f", .key(.keyFilterStatus), keys: chars("f"), footer: true) { ui, input in
            let cycle: [OrderStatus?] = [nil, .unpaid, .paid, .cancelled, .refunded]
            let index = cycle.firstIndex { $0 == ui.orderStatusFilter } ?? 0
            ui.orderStatusFilter = cycle[(index + 1) % cycle.count]
            ui.say(
                UIText.ordersFilterSet(ui.orderStatusFilter.map { ModelText.orderStatus($0) } ?? UIText.ordersAllStatuses()), now: input.now
            )
        },
        .pane(tab, "close", "c", .key(.keyCloseOrder), keys: chars("c"), footer: true, writes: true, refusal: RowIdentity.order) {
            ui, input in ui.closeOrder(input.snapshot, input.lists, now: input.now)
        },
        KeyAction("raw", "y", .key(.keyRawRecord), keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.order) { ui, input in
            guard let order = RowIdentity.focused(input.snapshot.orders.value, input.lists.orders, ui.orders.selected) else {
                return []
            }
            return ui.inspect(.order(tradeNo: order.tradeNo), on: input.snapshot, now: input.now)
        },
        ServerQueryKeys.query(tab),
        ServerQueryKeys.clear(tab),
    ]
}
