import Foundation
import Monitor
import ProxyLiteAPI

/// The words of the Packages pane's renewal.
enum PackageRenewalText {
    static let loading = "Loading the catalogue (renewal products, payment methods)… try again in a moment."
    static let product = "Renew with"
    static let productGone = "that product is no longer offered; choose again"

    static func productsUnavailable(_ error: ProxyLiteError) -> String {
        "The product list is unavailable (\(error.shortDescription)); renewal needs it."
    }

    static func noProduct(_ package: PurchasedPackage) -> String {
        "The catalogue sells no product of type \(package.typeLabel) (\(package.productType.code)) to renew package \(package.id) with."
    }

    static func gone(_ id: Int) -> String { "Package \(id) is no longer listed; nothing was ordered." }

    static func title(_ package: PurchasedPackage) -> String { "Renew package \(package.id)" }

    static func intro(_ package: PurchasedPackage) -> [String] {
        let expiry = package.expiresAt.map { "expires \(TimeText.day($0, zone: .current))" } ?? "expiry unknown"
        return [
            "\(package.orderTitle) · \(package.typeLabel) · \(expiry) · trade \(package.tradeNo)",
            "First a price preview; nothing is ordered yet.",
        ]
    }

    static func option(_ product: Product) -> String { "\(product.title) · \(ProductText.price(product))" }

    static func summary(_ package: PurchasedPackage, _ product: Product) -> String {
        "Renew package \(package.id) (\(package.orderTitle)) with \(product.title)"
    }
}
