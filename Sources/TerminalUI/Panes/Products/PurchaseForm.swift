import Foundation
import Monitor
import ProxyLiteAPI

/// What the order/create body of a product needs beside `pid` and `pm_id`, after the
/// reference's examples: a top-up its amount, type 11 its three variants, static IPs their
/// regions, everything else a quantity.
enum PurchaseKind: Equatable {
    case topUp
    case variants
    case regions
    case quantity

    init(_ product: Product) {
        switch product.type.code {
        case 3: self = .topUp
        // Only SKUs with an id can be chosen (and sent).
        case 11
        where product.bandwidthSKUs.contains(where: \.hasIdentity) && product.concurrencySKUs.contains(where: \.hasIdentity)
            && product.durationSKUs.contains(where: \.hasIdentity):
            self = .variants
        case 14, 25: self = .regions
        default: self = .quantity
        }
    }
}

/// The Products pane's purchase: the form for the selected product.
extension UIState {
    mutating func openPurchase(_ snapshot: Snapshot, _ lists: VisibleLists, now: Date) {
        guard let catalogue = snapshot.catalogue.value else { return say(PurchaseText.loading, now: now) }
        if let error = catalogue.productsResult.failure {
            return say(PurchaseText.productsUnavailable(error), role: .warning, now: now)
        }
        guard products.selected < lists.products.count else { return }
        let product = catalogue.products[lists.products[products.selected]]
        if let refusal = PurchaseText.refusal(product) { return say(refusal, role: .warning, now: now) }
        if product.type.code == 19 {
            return say(PurchaseText.useStaticIPs, role: .warning, now: now)
        }
        if let error = catalogue.paymentGroupsResult.failure {
            return say(PurchaseText.methodsUnavailable(error), role: .warning, now: now)
        }
        let methods = Self.purchaseMethods(catalogue, product)
        guard !methods.isEmpty else { return say(PurchaseText.noMethod, role: .warning, now: now) }
        dialog = .form(
            FormState(
                title: PurchaseText.title(product), intro: [PurchaseText.heading(product), PurchaseText.intro],
                fields: Self.purchaseFields(product, methods: methods), submitLabel: PurchaseText.submit),
            .purchase(productID: product.id))
    }

    /// The enabled methods; for a top-up, not the balance itself.
    static func purchaseMethods(_ catalogue: CatalogueData, _ product: Product) -> [PaymentGroup.Method] {
        catalogue.usableMethods.filter { PurchaseKind(product) != .topUp || !$0.paysFromBalance }
    }

    static func purchaseFields(_ product: Product, methods: [PaymentGroup.Method]) -> [FormField] {
        var fields: [FormField] = []
        switch PurchaseKind(product) {
        case .topUp:
            fields.append(FormField("amount", PurchaseText.topUp, .text(.digits, maxLength: 7, secret: false)))
        case .variants:
            fields.append(skuChoice("bandwidth", PurchaseText.bandwidth, product.bandwidthSKUs, unit: "Mbps"))
            fields.append(skuChoice("concurrency", PurchaseText.concurrency, product.concurrencySKUs, unit: UIText.buyUnitConcurrent()))
            fields.append(skuChoice("duration", PurchaseText.duration, product.durationSKUs, unit: UIText.buyUnitDays()))
        case .regions:
            fields.append(
                FormField("regions", PurchaseText.regions, .text(.any, maxLength: 200, secret: false), hint: PurchaseText.regionsHint))
        case .quantity:
            fields.append(FormField("quantity", PurchaseText.quantity, .text(.digits, maxLength: 4, secret: false), text: "1"))
        }
        let multipliers = product.offeredMultipliers
        if PurchaseKind(product) != .topUp, !multipliers.isEmpty {
            fields.append(
                .choice(
                    "length", PurchaseText.length,
                    multipliers.map { (PurchaseText.multiplier($0, days: product.timeDays), ChoiceValue.multiplier($0)) }))
        }
        fields.append(
            FormField(
                "coupon", PurchaseText.coupon, .text(.alphanumeric, maxLength: 32, secret: false), hint: PurchaseText.couponHint,
                optional: true))
        fields.append(.choice("method", PurchaseText.payment, methods.map { (PurchaseText.method($0), .paymentMethod(id: $0.id)) }))
        return fields
    }

    private static func skuChoice(_ key: String, _ label: String, _ skus: [Product.SKU], unit: String) -> FormField {
        .choice(key, label, skus.filter(\.hasIdentity).map { (PurchaseText.sku($0, unit: unit), ChoiceValue.sku(id: $0.id)) })
    }
}
