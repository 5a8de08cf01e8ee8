import Foundation
import Monitor
import ProxyLiteAPI

/// The Orders pane's action: close an unpaid order.
extension UIState {
    mutating func closeOrder(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        guard let orders = snapshot.orders.value, self.orders.selected < lists.orders.count else {
            return say(UIText.noOrderSelected(), now: now)
        }
        let order = orders[lists.orders[self.orders.selected]]
        // An order without a status is unknown, not unpaid: closing it could cancel a paid one.
        guard order.isUnpaid else {
            return say(UIText.onlyUnpaidClose(order.tradeNo, ModelText.orderStatus(order)), now: now)
        }
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active,
                title: UIText.closeOrderTitle(),
                lines: [
                    UIText.closeOrderIntro(), "  \(order.tradeNo)", "  \(order.title) · \(String(format: "%.2f", order.payFee))",
                ],
                confirmLabel: UIText.closeOrderTitle(), command: .closeOrder(tradeNo: order.tradeNo)))
    }
}
