import Foundation
import Monitor
import ProxyLiteAPI

/// The purchase form, submitted: checked against the catalogue as it is now, then sent to
/// order/check. Nothing is created until the preview's Create order is confirmed.
extension UIState {
    mutating func submitPurchase(_ form: FormState, productID: Int, snapshot: Snapshot, now: Date) -> [Effect] {
        let purpose = FormPurpose.purchase(productID: productID)
        guard let catalogue = snapshot.catalogue.value, let product = catalogue.products.first(where: { $0.id == productID }) else {
            say(PurchaseText.noLongerListed, role: .warning, now: now)
            return []
        }
        if let refusal = PurchaseText.refusal(product) {
            say(refusal, role: .warning, now: now)
            return []
        }
        // A poll since the form opened may have changed what the product asks for (its SKUs, its
        // kind): the form's fields must be the ones it would have now, or nothing is read from it.
        let expected = Self.purchaseFields(product, methods: Self.purchaseMethods(catalogue, product)).map(\.key)
        guard form.fields.map(\.key) == expected else {
            dialog = nil
            say(PurchaseText.productChanged, role: .warning, now: now)
            return []
        }
        // The method the user chose, by its id: the catalogue may have been polled again since.
        guard case .paymentMethod(let methodID)? = form["method"].value,
            let method = Self.purchaseMethods(catalogue, product).first(where: { $0.id == methodID })
        else { return reopen(form, purpose, PurchaseText.methodGone, focus: "method") }
        var request = OrderRequest(productID: product.id, paymentMethodID: method.id)
        var summary: [String]
        switch Self.purchaseBody(form, product, method, into: &request) {
        case .failure(let problem): return reopen(form, purpose, problem.message, focus: problem.field)
        case .success(let lines): summary = lines
        }
        if let multiplier = request.durationMultiplier { summary.append(PurchaseText.summaryLength(multiplier)) }
        if let coupon = request.couponCode { summary.append(PurchaseText.summaryCoupon(coupon)) }
        let preview = PricePreview(request: request, title: PurchaseText.title(product), summary: summary, method: method)
        return send(
            .checkOrder(request), profile: snapshot.profiles.active, now: now, awaiting: .orderPreview(preview),
            waitingTitle: PricePreviewText.waitingTitle)
    }

    /// A refusal of the form, on the field to fix.
    struct PurchaseProblem: Error {
        let field: String
        let message: String
    }

    /// Fills the product-specific part of `request` from the form; the summary lines, or what to fix.
    static func purchaseBody(
        _ form: FormState, _ product: Product, _ method: PaymentGroup.Method, into request: inout OrderRequest
    ) -> Result<[String], PurchaseProblem> {
        if case .multiplier(let n)? = form.fields.first(where: { $0.key == "length" })?.value, n > 1 {
            request.durationMultiplier = n
        }
        let coupon = form["coupon"].text
        if !coupon.isEmpty { request.couponCode = coupon }
        switch PurchaseKind(product) {
        case .topUp:
            guard let amount = Int(form["amount"].text), amount >= 1 else {
                return .failure(PurchaseProblem(field: "amount", message: PurchaseText.topUpTooSmall))
            }
            guard method.accepts(Double(amount)) else {
                return .failure(PurchaseProblem(field: "amount", message: PurchaseText.outsideBounds(method, amount)))
            }
            request.rechargeAmount = amount
            return .success([PurchaseText.summaryTopUp(amount)])
        case .variants:
            var parts: [String] = []
            for key in ["bandwidth", "concurrency", "duration"] {
                guard case .sku(let id)? = form[key].value else { continue }
                switch key {
                case "bandwidth": request.bandwidthSKU = id
                case "concurrency": request.concurrencySKU = id
                default: request.durationSKU = id
                }
                parts.append(PurchaseText.skuPart(form[key].label, form[key].choice ?? ""))
            }
            return .success([PurchaseText.summaryQuantity(1, product), PurchaseText.summarySKUs(parts)])
        case .regions:
            switch RegionList.parse(form["regions"].text) {
            case .failure(let entry): return .failure(PurchaseProblem(field: "regions", message: PurchaseText.regionProblem(entry.text)))
            case .success(let regions):
                guard product.hasStock(for: regions.count) else {
                    return .failure(PurchaseProblem(field: "regions", message: PurchaseText.stockLeft(product)))
                }
                request.regionList = regions.text
                return .success([PurchaseText.summaryQuantity(regions.count, product), PurchaseText.summaryRegions(regions.text)])
            }
        case .quantity:
            guard let quantity = Int(form["quantity"].text), quantity >= 1 else {
                return .failure(PurchaseProblem(field: "quantity", message: PurchaseText.quantityTooSmall))
            }
            guard product.hasStock(for: quantity) else {
                return .failure(PurchaseProblem(field: "quantity", message: PurchaseText.stockLeft(product)))
            }
            request.amount = quantity
            return .success([PurchaseText.summaryQuantity(quantity, product)])
        }
    }
}

/// A static-IP purchase's `region_list`: `JP,15,333|DE,10`, country code, count and an
/// optional ASN per entry. Spaces are dropped and codes upper-cased; the text sent is rebuilt.
struct RegionList: Equatable {
    struct Entry: Equatable {
        var country: String
        var count: Int
        var asn: Int?
    }

    struct Malformed: Error { let text: String }

    var entries: [Entry]

    /// More IPs in one entry than any stock holds; keeps the sum of a 200-character field far
    /// from overflowing.
    static let largestCount = 100_000

    var count: Int { entries.reduce(0) { $0 + $1.count } }

    var text: String {
        entries.map { e in ([e.country, String(e.count)] + (e.asn.map { [String($0)] } ?? [])).joined(separator: ",") }
            .joined(separator: "|")
    }

    static func parse(_ text: String) -> Result<RegionList, Malformed> {
        var entries: [Entry] = []
        for raw in text.split(separator: "|") {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            let fields = entry.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(fields.count), fields[0].count == 2, fields[0].allSatisfy({ $0.isASCII && $0.isLetter }),
                let count = Int(fields[1]), (1...Self.largestCount).contains(count)
            else { return .failure(Malformed(text: entry)) }
            var asn: Int?
            if fields.count == 3 {
                guard let n = Int(fields[2]), n > 0 else { return .failure(Malformed(text: entry)) }
                asn = n
            }
            entries.append(Entry(country: fields[0].uppercased(), count: count, asn: asn))
        }
        guard !entries.isEmpty else { return .failure(Malformed(text: text)) }
        return .success(RegionList(entries: entries))
    }
}
