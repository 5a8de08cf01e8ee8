import Foundation
import Monitor
import ProxyLiteAPI

/// The Products pane's action: a product's details.
extension UIState {
    mutating func openProductDetail(_ snapshot: Snapshot, _ lists: VisibleLists) {
        guard let products = snapshot.catalogue.value?.products, self.products.selected < lists.products.count else { return }
        let product = products[lists.products[self.products.selected]]
        dialog = .text(
            TextDialog(
                title: "Product \(product.hasIdentity ? String(product.id) : UnreadableText.mark)", lines: ProductText.detail(product)))
    }
}

enum ProductText {
    static func price(_ product: Product) -> String {
        if product.preferredPriceIsUnreadable { return UnreadableText.mark }
        guard let price = product.preferredPrice else { return "-" }
        return "\(String(format: "%.2f", price.amount)) \(price.currency)"
    }

    static func detail(_ p: Product) -> [String] {
        let bad = p.unreadable
        var lines = [
            UnreadableText.cell(p.title, bad, "title"), UnreadableText.cell(p.subtitle, bad, "desc", "desc.subtitle"), "",
            "type        " + UnreadableText.cell("\(p.typeLabel) (\(p.type.code))", bad, "type"), "price       \(price(p))",
            "on sale     " + UnreadableText.cell(p.saleText, bad, "status", "show_type"),
        ]
        if let show = p.showType, show != .normal { lines.append("shown as    \(show)") }
        if let gb = p.flowGB {
            lines.append(
                "traffic     \(Int(clamping: gb)) GB" + (p.bonusFlowGB.map { $0 > 0 ? " + \(Int(clamping: $0)) GB bonus" : "" } ?? ""))
        }
        if let days = p.timeDays { lines.append("valid       \(days) days") }
        if let stock = p.stockText { lines.append("stock       \(stock)") }
        if let renews = p.renewsLabel { lines.append("renews      \(renews)") }
        for (name, skus) in [("bandwidth", p.bandwidthSKUs), ("duration", p.durationSKUs), ("concurrency", p.concurrencySKUs)]
        where !skus.isEmpty {
            lines.append("")
            lines.append("SKUs: \(name)")
            for sku in skus {
                let bad = sku.unreadable
                let usd = UnreadableText.cell(sku.priceUSD.map { String(format: "%.2f USD", $0) } ?? "", bad, "price_usd")
                let cny = UnreadableText.cell(sku.priceCNY.map { String(format: "%.2f CNY", $0) } ?? "", bad, "price")
                let id = sku.hasIdentity ? String(sku.id) : UnreadableText.mark
                lines.append("  #\(id)  value \(UnreadableText.cell(String(sku.value), bad, "value"))  \(usd)  \(cny)")
            }
        }
        if !p.tips.isEmpty { lines += [""] + p.tips.map { "• " + $0 } }
        if !p.introduction.isEmpty { lines += [""] + p.introduction }
        if !p.unreadable.isEmpty {
            lines += ["", "Could not be read (shown as ?): " + p.unreadable.names.joined(separator: ", ")]
        }
        return lines
    }
}
