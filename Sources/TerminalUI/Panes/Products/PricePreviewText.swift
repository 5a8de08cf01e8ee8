import Foundation
import Monitor
import ProxyLiteAPI

/// The words of a purchase or package-renewal preview and of the order it creates.
enum PricePreviewText {
    static var nothingOrdered: String { UIText.previewNothingOrdered() }
    static var readOnly: String { UIText.previewReadOnly() }
    static var createLabel: String { UIText.previewCreate() }
    static var createdTitle: String { UIText.previewCreated() }
    static var waitingTitle: String { UIText.previewWaiting() }

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }

    static func fees(_ quote: OrderCheckResult, payFeeKnown: Bool) -> [String] {
        let bad = quote.unreadable
        func fee(_ value: Double, _ name: String) -> String { UnreadableText.cell(money(value), bad, name) }
        var lines = [
            UIText.previewAmount(UnreadableText.cell(quote.title, bad, "title"), UnreadableText.cell(String(quote.amount), bad, "amount")),
            UIText.previewFees(
                fee(quote.totalFee, "total_fee"), fee(quote.discountFee, "discount_fee"),
                payFeeKnown ? money(quote.payFee) : UnreadableText.mark),
        ]
        if !payFeeKnown {
            lines.append(
                quote.payFeeMissing
                    ? UIText.previewNoPayFee() : UIText.previewPayFeeUnreadable())
        }
        return lines
    }

    static func method(_ preview: PricePreview) -> String {
        UIText.previewPayWith(preview.method.title, bounds(preview.method.minimum, preview.method.maximum))
    }

    /// ` (5.00–5000.00)`, or nothing when the method states no bounds.
    static func bounds(_ minimum: Double?, _ maximum: Double?) -> String {
        switch (minimum, maximum.flatMap { $0 > 0 ? $0 : nil }) {
        case (let low?, let high?): return UIText.previewRange(money(low), money(high))
        case (let low?, nil): return UIText.previewFrom(money(low))
        case (nil, let high?): return UIText.previewUpTo(money(high))
        case (nil, nil): return ""
        }
    }

    static func outsideBounds(_ preview: PricePreview, _ payFee: Double) -> [String] {
        [
            "",
            UIText.previewTakes(preview.method.title, bounds(preview.method.minimum, preview.method.maximum), money(payFee)),
            UIText.previewOff(),
        ]
    }

    static func warning(_ preview: PricePreview, payFee: Double?) -> String {
        let amount = payFee.map(money) ?? UIText.previewAmountHidden()
        if preview.method.paysFromBalance {
            return UIText.previewBalance(amount)
        }
        return UIText.previewUnpaid(amount)
    }

    static func readyElsewhere(_ quote: OrderCheckResult) -> String {
        UIText.previewReadyElsewhere(money(quote.payFee))
    }

    /// The order as order/create answered it, with the status the provider gave.
    static func created(_ order: Order) -> [String] {
        var lines = OrderText.fields(order, payFee: money(order.payFee)) + [""]
        switch order.status {
        case .unpaid?: lines.append(UIText.previewPayConsole())
        case .paid?: lines.append(UIText.previewPaid())
        default: lines.append(UIText.previewSeeOrders())
        }
        return lines
    }

    static func createdFlash(_ order: Order) -> String {
        switch order.status {
        case .unpaid?: return UIText.previewCreatedUnpaid(order.tradeNo)
        default: return UIText.previewCreatedStatus(order.tradeNo, ModelText.orderStatus(order))
        }
    }
}
