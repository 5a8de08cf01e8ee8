import Foundation
import Monitor
import ProxyLiteAPI

/// A purchase or package renewal waiting for its price: the body to send again on Create order,
/// what it buys in words, and the payment method it was priced for (bounds, whether it pays from
/// the balance), as the catalogue had it when the form was sent.
public struct PricePreview: Sendable, Equatable {
    public var request: OrderRequest
    public var title: String
    public var summary: [String]
    public var method: PaymentGroup.Method

    init(request: OrderRequest, title: String, summary: [String], method: PaymentGroup.Method) {
        self.request = request
        self.title = title
        self.summary = summary
        self.method = method
    }
}

extension UIState {
    /// The provider's price for a purchase or package renewal, then — unless read-only, or the
    /// amount is outside what the method takes — the explicit Create order step. A price that
    /// could not be read shows as `?` and is never taken for 0.
    mutating func showOrderPreview(_ quote: OrderCheckResult, _ preview: PricePreview, snapshot: Snapshot, now: Date) {
        let payFeeKnown = quote.isReadable("pay_fee") && !quote.payFeeMissing
        var lines = preview.summary + [""] + PricePreviewText.fees(quote, payFeeKnown: payFeeKnown)
        lines.append(PricePreviewText.method(preview))
        lines.append(PricePreviewText.nothingOrdered)
        if snapshot.readOnly {
            dialog = .text(TextDialog(title: preview.title, lines: lines + [PricePreviewText.readOnly]))
            return
        }
        // An amount nobody has seen is never ordered: the bounds could not be checked either.
        guard payFeeKnown else {
            dialog = .text(TextDialog(title: preview.title, lines: lines + [UIText.previewPriceUnknown()]))
            return
        }
        if !preview.method.accepts(quote.payFee) {
            dialog = .text(TextDialog(title: preview.title, lines: lines + PricePreviewText.outsideBounds(preview, quote.payFee)))
            return
        }
        confirm(
            ConfirmDialog(
                profile: snapshot.profiles.active, title: preview.title, lines: lines, confirmLabel: PricePreviewText.createLabel,
                command: .createOrder(preview.request),
                warning: PricePreviewText.warning(preview, payFee: payFeeKnown ? quote.payFee : nil)))
    }
}
