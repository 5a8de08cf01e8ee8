import Foundation
import Monitor
import ProxyLiteAPI

/// How a created order is described.
enum OrderText {
    static func created(_ order: Order) -> [String] {
        fields(order, payFee: String(format: "%.2f", order.payFee)) + ["", UIText.previewPayConsole()]
    }

    /// The order's fields, one a line, the values lined up after labels padded in display width.
    static func fields(_ order: Order, payFee: String) -> [String] {
        [
            field(.orderTradeNo, order.tradeNo), field(.orderTitleField, order.title), field(.orderAmount, String(order.amount)),
            field(.orderToPay, payFee), field(.orderMethod, order.paymentMethodTitle), field(.orderStatus, ModelText.orderStatus(order)),
        ]
    }

    static func field(_ label: UIText, _ value: String) -> String { DisplayWidth.fit(label(), to: 11) + value }
}
