import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the Products pane's purchase form.
enum PurchaseText {
    static var loading: String { UIText.buyLoading() }
    static var noMethod: String { UIText.buyNoMethod() }
    static var noLongerListed: String { UIText.buyNoLongerListed() }
    static var productChanged: String { UIText.buyProductChanged() }
    static var paneNote: String { UIText.productsNote() }
    static var submit: String { UIText.buySubmit() }
    static var useStaticIPs: String { UIText.buyUseStaticIPs() }
    static var intro: String { UIText.buyIntro() }
    static var quantity: String { UIText.buyQuantity() }
    static var regions: String { UIText.buyRegions() }
    static var regionsHint: String { UIText.buyRegionsHint() }
    static var topUp: String { UIText.buyTopUp() }
    static var bandwidth: String { UIText.buyBandwidth() }
    static var concurrency: String { UIText.buyConcurrency() }
    static var duration: String { UIText.buyDuration() }
    static var length: String { UIText.buyLength() }
    static var coupon: String { UIText.buyCoupon() }
    static var couponHint: String { UIText.buyCouponHint() }
    static var payment: String { UIText.buyPayment() }
    static var methodGone: String { UIText.buyMethodGone() }

    static func methodsUnavailable(_ error: ProxyLiteError) -> String {
        UIText.buyMethodsUnavailable(ErrorText.short(error))
    }

    static func productsUnavailable(_ error: ProxyLiteError) -> String {
        UIText.buyProductsUnavailable(ErrorText.short(error))
    }

    /// Why `product` cannot be bought from here, or nil when it can.
    static func refusal(_ product: Product) -> String? {
        if !product.hasIdentity || product.unreadable.contains("type") {
            return UIText.buyNoIdentity()
        }
        if product.showType == .notPurchasable { return UIText.buyCustomOnly(product.title) }
        if product.unreadable.contains("show_type") { return UIText.buyShowTypeUnreadable(product.title) }
        switch product.onSale {
        case false?: return UIText.buyNotOnSale(product.title)
        case nil: return UIText.buySaleUnknown(product.title)
        case true?: break
        }
        if !product.hasStock() { return UIText.buySoldOut(product.title) }
        return nil
    }

    static func title(_ product: Product) -> String { UIText.buyTitle(product.title) }

    static func heading(_ product: Product) -> String {
        "\(product.title) · \(ModelText.productType(product.type, section: Product.productTypeSection)) (\(product.type.code)) · \(ProductText.price(product))"
            + (ModelText.stock(product).map { UIText.buyStock($0) } ?? "")
    }

    static func sku(_ sku: Product.SKU, unit: String) -> String {
        let price = sku.priceUSD.map { " · " + PricePreviewText.money($0) + " USD" } ?? ""
        return "\(sku.value) \(unit)\(price)"
    }

    static func multiplier(_ n: Int, days: Int?) -> String {
        if n == 1 { return days.map { UIText.buyAsListedDays($0) } ?? UIText.buyAsListed() }
        return days.map { UIText.buyTimesDays(n, $0 * n) } ?? UIText.buyTimes(n)
    }

    static func method(_ method: PaymentGroup.Method) -> String {
        "\(method.title) (\(method.group))\(PricePreviewText.bounds(method.minimum, method.maximum))"
    }

    // Form refusals, shown on the form.
    static var quantityTooSmall: String { UIText.buyQuantityTooSmall() }
    static var topUpTooSmall: String { UIText.buyTopUpTooSmall() }
    static var balanceTopUp: String { UIText.buyBalanceTopUp() }
    static func regionProblem(_ entry: String) -> String { UIText.buyRegionProblem(entry) }
    static func stockLeft(_ product: Product) -> String { UIText.buyStockLeft(product.remainingStock ?? 0) }
    static func outsideBounds(_ method: PaymentGroup.Method, _ amount: Int) -> String {
        UIText.buyOutsideBounds(method.title, PricePreviewText.bounds(method.minimum, method.maximum), amount)
    }

    // What the preview says is being bought.
    static func summaryQuantity(_ n: Int, _ product: Product) -> String { UIText.buySummaryQuantity(n, product.title) }
    static func summaryRegions(_ regions: String) -> String { UIText.buySummaryRegions(regions) }
    static func summaryTopUp(_ amount: Int) -> String { UIText.buySummaryTopUp(amount) }
    static func skuPart(_ label: String, _ choice: String) -> String { "\(label.lowercased()) \(choice)" }
    static func summarySKUs(_ parts: [String]) -> String { UIText.buySummarySKUs(parts.joined(separator: " · ")) }
    static func summaryLength(_ n: Int) -> String { UIText.buySummaryLength(n) }
    static func summaryCoupon(_ code: String) -> String { UIText.buySummaryCoupon(code) }
}
