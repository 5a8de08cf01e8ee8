import Foundation
import Monitor
import ProxyLiteAPI

/// How a created order is described.
enum OrderText {
    static func created(_ order: Order) -> [String] {
        [
            "trade no   \(order.tradeNo)", "title      \(order.title)", "amount     \(order.amount)",
            "to pay     \(String(format: "%.2f", order.payFee))", "method     \(order.paymentMethodTitle)",
            "status     \(order.statusText)", "", "Pay it in the provider's console; unpaid orders are cancelled after a while.",
        ]
    }
}
