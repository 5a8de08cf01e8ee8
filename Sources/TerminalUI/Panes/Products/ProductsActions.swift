import Foundation
import Monitor
import ProxyLiteAPI

/// The Products pane's action: a product's details.
extension UIState {
    mutating func openProductDetail(_ snapshot: Snapshot, _ lists: VisibleLists) {
        guard let products = snapshot.catalogue.value?.products, self.products.selected < lists.products.count else { return }
        dialog = .text(
            TextDialog(
                title: "Product \(products[lists.products[self.products.selected]].id)",
                lines: ProductText.detail(products[lists.products[self.products.selected]])))
    }
}

enum ProductText {
    static func price(_ product: Product) -> String {
        guard let price = product.preferredPrice else { return "-" }
        return "\(String(format: "%.2f", price.amount)) \(price.currency)"
    }

    static func detail(_ p: Product) -> [String] {
        var lines = [
            p.title, p.subtitle, "", "type        \(p.typeLabel) (\(p.type.code))", "price       \(price(p))",
            "on sale     \(p.saleText)",
        ]
        if let show = p.showType, show != .normal { lines.append("shown as    \(show)") }
        if let gb = p.flowGB {
            lines.append("traffic     \(Int(gb)) GB" + (p.bonusFlowGB.map { $0 > 0 ? " + \(Int($0)) GB bonus" : "" } ?? ""))
        }
        if let days = p.timeDays { lines.append("valid       \(days) days") }
        if let stock = p.stockText { lines.append("stock       \(stock)") }
        if let renews = p.renewsLabel { lines.append("renews      \(renews)") }
        for (name, skus) in [("bandwidth", p.bandwidthSKUs), ("duration", p.durationSKUs), ("concurrency", p.concurrencySKUs)]
        where !skus.isEmpty {
            lines.append("")
            lines.append("SKUs: \(name)")
            for sku in skus {
                let usd = sku.priceUSD.map { String(format: "%.2f USD", $0) } ?? ""
                let cny = sku.priceCNY.map { String(format: "%.2f CNY", $0) } ?? ""
                lines.append("  #\(sku.id)  value \(sku.value)  \(usd)  \(cny)")
            }
        }
        if !p.tips.isEmpty { lines += [""] + p.tips.map { "• " + $0 } }
        if !p.introduction.isEmpty { lines += [""] + p.introduction }
        return lines
    }
}
