import Foundation
import Monitor
import ProxyLiteAPI

/// An order/create that got no answer: it may have created an order. Until the user has seen the
/// unpaid orders of that product made since the attempt, "Create order" shows them instead of
/// ordering again (a second order would be a second charge once both are paid).
public struct UnsettledOrder: Sendable, Equatable {
    public var productID: Int
    public var since: Date
    public var reason: String

    /// Orders created this long before the attempt still count: the provider's clock may differ.
    static let clockSlack: TimeInterval = 120

    /// Whether the orders on screen were polled after the attempt, so that they can show it.
    func ordersCurrent(_ snapshot: Snapshot) -> Bool {
        guard let fetched = snapshot.orders.fetchedAt else { return false }
        return fetched > since
    }

    func candidates(_ snapshot: Snapshot) -> [Order] {
        (snapshot.orders.value ?? []).filter { order in
            order.productID == productID && order.status == .unpaid
                && (order.createdAt.map { $0 >= since.addingTimeInterval(-Self.clockSlack) } ?? true)
        }
    }

    func dialog(_ snapshot: Snapshot) -> TextDialog {
        var lines = [
            UIText.unsettledNoAnswer(reason),
            UIText.unsettledSince(TimeText.clock(since, zone: .current)), "",
        ]
        let found = candidates(snapshot)
        if !ordersCurrent(snapshot) {
            lines.append(UIText.unsettledPolling())
        } else if found.isEmpty {
            lines.append(UIText.unsettledNone())
        }
        for order in found.prefix(10) {
            lines.append("  \(order.tradeNo)  \(order.title)  \(String(format: "%.2f", order.payFee))")
        }
        lines += ["", UIText.unsettledPayOrClose()]
        return TextDialog(title: UIText.unsettledTitle(), lines: lines)
    }
}
