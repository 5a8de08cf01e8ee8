import Foundation
import Monitor
import ProxyLiteAPI

/// The Packages pane's renewal: order/check, then order/create, with the package's id as
/// `upids` and a product of the package's type as `pid`.
extension UIState {
    mutating func openPackageRenewal(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        guard let package = RowIdentity.focused(snapshot.packages.value, lists.packages, packages.selected) else { return }
        guard let catalogue = snapshot.catalogue.value else { return say(PackageRenewalText.loading, now: now) }
        if let error = catalogue.productsResult.failure {
            return say(PackageRenewalText.productsUnavailable(error), role: .warning, now: now)
        }
        if let error = catalogue.paymentGroupsResult.failure {
            return say(PurchaseText.methodsUnavailable(error), role: .warning, now: now)
        }
        let products = Self.renewalProducts(catalogue, for: package)
        guard !products.isEmpty else { return say(PackageRenewalText.noProduct(package), role: .warning, now: now) }
        let methods = catalogue.usableMethods
        guard !methods.isEmpty else { return say(PurchaseText.noMethod, role: .warning, now: now) }
        dialog = .form(
            FormState(
                title: PackageRenewalText.title(package), intro: PackageRenewalText.intro(package),
                fields: [
                    .choice("product", PackageRenewalText.product, products.map { (PackageRenewalText.option($0), .product(id: $0.id)) }),
                    FormField(
                        "coupon", PurchaseText.coupon, .text(.alphanumeric, maxLength: 32, secret: false), hint: PurchaseText.couponHint,
                        optional: true),
                    .choice("method", PurchaseText.payment, methods.map { (PurchaseText.method($0), .paymentMethod(id: $0.id)) }),
                ], submitLabel: PurchaseText.submit), .packageRenewal(packageID: package.id))
    }

    /// Products a package of this type renews with: the same type code, orderable.
    static func renewalProducts(_ catalogue: CatalogueData, for package: PurchasedPackage) -> [Product] {
        catalogue.products.filter { $0.type.code == package.productType.code && $0.canBeOrdered }
    }

    mutating func submitPackageRenewal(_ form: FormState, packageID: Int, snapshot: Snapshot, now: Date) -> [Effect] {
        let purpose = FormPurpose.packageRenewal(packageID: packageID)
        guard let package = snapshot.packages.value?.first(where: { $0.id == packageID && $0.hasIdentity }) else {
            say(PackageRenewalText.gone(packageID), role: .warning, now: now)
            return []
        }
        guard let catalogue = snapshot.catalogue.value else {
            say(PackageRenewalText.loading, now: now)
            return []
        }
        // Chosen by id: the catalogue may have been polled again since the form opened.
        guard case .product(let productID)? = form["product"].value,
            let product = Self.renewalProducts(catalogue, for: package).first(where: { $0.id == productID })
        else { return reopen(form, purpose, PackageRenewalText.productGone, focus: "product") }
        guard case .paymentMethod(let methodID)? = form["method"].value,
            let method = catalogue.usableMethods.first(where: { $0.id == methodID })
        else { return reopen(form, purpose, PurchaseText.methodGone, focus: "method") }
        var request = OrderRequest(productID: product.id, paymentMethodID: method.id, renewIDs: [package.id])
        var summary = [PackageRenewalText.summary(package, product)]
        if !form["coupon"].text.isEmpty {
            request.couponCode = form["coupon"].text
            summary.append(PurchaseText.summaryCoupon(form["coupon"].text))
        }
        let preview = PricePreview(request: request, title: PackageRenewalText.title(package), summary: summary, method: method)
        return send(
            .checkOrder(request), profile: snapshot.profiles.active, now: now, awaiting: .orderPreview(preview),
            waitingTitle: PricePreviewText.waitingTitle)
    }
}
