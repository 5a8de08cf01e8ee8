import Foundation
import Monitor
import ProxyLiteAPI

/// The words of a purchase or package-renewal preview and of the order it creates.
enum PricePreviewText {
    static let nothingOrdered = "Nothing has been ordered yet."
    static let readOnly = "Read-only mode: Create order is off."
    static let createLabel = "Create order"
    static let createdTitle = "Order created"
    static let waitingTitle = "Asking the provider for the price…"

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }

    static func fees(_ quote: OrderCheckResult, payFeeKnown: Bool) -> [String] {
        let bad = quote.unreadable
        func fee(_ value: Double, _ name: String) -> String { UnreadableText.cell(money(value), bad, name) }
        var lines = [
            "\(UnreadableText.cell(quote.title, bad, "title")) · amount \(UnreadableText.cell(String(quote.amount), bad, "amount"))",
            "Total \(fee(quote.totalFee, "total_fee")), discount \(fee(quote.discountFee, "discount_fee")), to pay "
                + (payFeeKnown ? money(quote.payFee) : UnreadableText.mark),
        ]
        if !payFeeKnown {
            lines.append(
                quote.payFeeMissing
                    ? "The provider sent no price to pay: the amount is unknown, not 0."
                    : "The price to pay could not be read: the amount is unknown, not 0.")
        }
        return lines
    }

    static func method(_ preview: PricePreview) -> String {
        "Pay with \(preview.method.title)\(bounds(preview.method.minimum, preview.method.maximum))."
    }

    /// ` (5.00–5000.00)`, or nothing when the method states no bounds.
    static func bounds(_ minimum: Double?, _ maximum: Double?) -> String {
        switch (minimum, maximum.flatMap { $0 > 0 ? $0 : nil }) {
        case (let low?, let high?): return " (\(money(low))–\(money(high)))"
        case (let low?, nil): return " (from \(money(low)))"
        case (nil, let high?): return " (up to \(money(high)))"
        case (nil, nil): return ""
        }
    }

    static func outsideBounds(_ preview: PricePreview, _ payFee: Double) -> [String] {
        [
            "",
            "\(preview.method.title) takes\(bounds(preview.method.minimum, preview.method.maximum)); \(money(payFee)) is outside that.",
            "Create order is off: choose another payment method or amount.",
        ]
    }

    static func warning(_ preview: PricePreview, payFee: Double?) -> String {
        let amount = payFee.map(money) ?? "an amount not shown here"
        if preview.method.paysFromBalance {
            return
                "Paying from the balance may charge it at once: Create order can take \(amount) from the balance as soon as the order is made."
        }
        return "Create order makes an unpaid order of \(amount); pay it in the provider's console."
    }

    static func readyElsewhere(_ quote: OrderCheckResult) -> String {
        "Price ready (\(money(quote.payFee))); open the form again to see it."
    }

    /// The order as order/create answered it, with the status the provider gave.
    static func created(_ order: Order) -> [String] {
        var lines = [
            "trade no   \(order.tradeNo)", "title      \(order.title)", "amount     \(order.amount)",
            "to pay     \(money(order.payFee))", "method     \(order.paymentMethodTitle)", "status     \(order.statusText)", "",
        ]
        switch order.status {
        case .unpaid?: lines.append("Pay it in the provider's console; unpaid orders are cancelled after a while.")
        case .paid?: lines.append("The provider reports it paid: the money has been taken.")
        default: lines.append("See pane 4 (Orders) for how it goes on.")
        }
        return lines
    }

    static func createdFlash(_ order: Order) -> String {
        switch order.status {
        case .unpaid?: return "✓ Order \(order.tradeNo) created, unpaid: pay it in the provider's console."
        default: return "✓ Order \(order.tradeNo) created, status: \(order.statusText)."
        }
    }
}
