import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the Packages pane's renewal.
enum PackageRenewalText {
    static var loading: String { UIText.renewLoading() }
    static var product: String { UIText.renewWith() }
    static var productGone: String { UIText.renewProductGone() }

    static func productsUnavailable(_ error: ProxyLiteError) -> String {
        UIText.renewProductsUnavailable(ErrorText.short(error))
    }

    static func noProduct(_ package: PurchasedPackage) -> String {
        UIText.renewNoProduct(
            ModelText.productType(package.productType, section: PurchasedPackage.productTypeSection), package.productType.code, package.id)
    }

    static func gone(_ id: Int) -> String { UIText.renewGone(id) }

    static func title(_ package: PurchasedPackage) -> String { UIText.renewTitle(package.id) }

    static func intro(_ package: PurchasedPackage) -> [String] {
        let expiry = package.expiresAt.map { UIText.renewExpires(TimeText.day($0, zone: .current)) } ?? UIText.renewExpiryUnknown()
        return [
            UIText.renewIntro(
                package.orderTitle, ModelText.productType(package.productType, section: PurchasedPackage.productTypeSection), expiry,
                package.tradeNo),
            UIText.buyIntro(),
        ]
    }

    static func option(_ product: Product) -> String { "\(product.title) · \(ProductText.price(product))" }

    static func summary(_ package: PurchasedPackage, _ product: Product) -> String {
        UIText.renewSummary(package.id, package.orderTitle, product.title)
    }
}
