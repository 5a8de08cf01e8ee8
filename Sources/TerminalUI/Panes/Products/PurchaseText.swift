import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the Products pane's purchase form.
enum PurchaseText {
    static let loading = "Loading the catalogue (products, payment methods)… try again in a moment."
    static let noMethod = "The provider lists no enabled payment method."
    static let noLongerListed = "The product is no longer listed; nothing was ordered."
    static let paneNote = "b buys: the price first, then Create order"
    static let submit = "Preview price"
    static let useStaticIPs = "Renewal products renew static IPs you have: mark them in pane 3 (Static IPs) and press R."
    static let intro = "First a price preview; nothing is ordered yet."
    static let quantity = "Quantity"
    static let regions = "Regions"
    static let regionsHint = "country,count[,ASN] | … e.g. JP,15|DE,10,444"
    static let topUp = "Top-up amount"
    static let bandwidth = "Bandwidth"
    static let concurrency = "Concurrency"
    static let duration = "Duration"
    static let length = "Length"
    static let coupon = "Coupon code"
    static let couponHint = "optional"
    static let payment = "Payment"
    static let methodGone = "that payment method is no longer offered; choose again"

    static func methodsUnavailable(_ error: ProxyLiteError) -> String {
        "Payment methods are unavailable (\(error.shortDescription)); buying needs one."
    }

    static func productsUnavailable(_ error: ProxyLiteError) -> String {
        "The product list is unavailable (\(error.shortDescription))."
    }

    /// Why `product` cannot be bought from here, or nil when it can.
    static func refusal(_ product: Product) -> String? {
        if !product.hasIdentity || product.unreadable.contains("type") {
            return "The API sent no readable id or type for this product; it cannot be ordered from here."
        }
        if product.showType == .notPurchasable { return "\(product.title) is sold custom-made only (show type 3): ask the provider." }
        if product.unreadable.contains("show_type") { return "\(product.title): its show type could not be read, so it is not offered." }
        switch product.onSale {
        case false?: return "\(product.title) is not on sale."
        case nil: return "\(product.title): the provider did not say it is on sale, so it is not offered."
        case true?: break
        }
        if !product.hasStock() { return "\(product.title) is sold out." }
        return nil
    }

    static func title(_ product: Product) -> String { "Buy \(product.title)" }

    static func heading(_ product: Product) -> String {
        "\(product.title) · \(product.typeLabel) (\(product.type.code)) · \(ProductText.price(product))"
            + (product.stockText.map { " · stock \($0)" } ?? "")
    }

    static func sku(_ sku: Product.SKU, unit: String) -> String {
        let price = sku.priceUSD.map { " · " + PricePreviewText.money($0) + " USD" } ?? ""
        return "\(sku.value) \(unit)\(price)"
    }

    static func multiplier(_ n: Int, days: Int?) -> String {
        n == 1 ? "as listed" + (days.map { " (\($0) days)" } ?? "") : "×\(n)" + (days.map { " (\($0 * n) days)" } ?? "")
    }

    static func method(_ method: PaymentGroup.Method) -> String {
        "\(method.title) (\(method.group))\(PricePreviewText.bounds(method.minimum, method.maximum))"
    }

    // Form refusals, shown on the form.
    static let quantityTooSmall = "the quantity is at least 1"
    static let topUpTooSmall = "the top-up amount is at least 1"
    static let balanceTopUp = "the balance cannot pay for its own top-up; choose another method"
    static func regionProblem(_ entry: String) -> String { "“\(entry)” is not country,count[,ASN] (e.g. JP,15 or DE,10,444)" }
    static func stockLeft(_ product: Product) -> String { "only \(product.remainingStock ?? 0) left in stock" }
    static func outsideBounds(_ method: PaymentGroup.Method, _ amount: Int) -> String {
        "\(method.title) takes\(PricePreviewText.bounds(method.minimum, method.maximum)); \(amount) is outside that"
    }

    // What the preview says is being bought.
    static func summaryQuantity(_ n: Int, _ product: Product) -> String { "Buy \(n) × \(product.title)" }
    static func summaryRegions(_ regions: String) -> String { "regions: \(regions)" }
    static func summaryTopUp(_ amount: Int) -> String { "Top up the balance by \(amount)" }
    static func skuPart(_ label: String, _ choice: String) -> String { "\(label.lowercased()) \(choice)" }
    static func summarySKUs(_ parts: [String]) -> String { "variant: " + parts.joined(separator: " · ") }
    static func summaryLength(_ n: Int) -> String { "length ×\(n)" }
    static func summaryCoupon(_ code: String) -> String { "coupon: \(code)" }
}
