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
                title: UIText.productTitle(product.hasIdentity ? String(product.id) : UnreadableText.mark),
                lines: ProductText.detail(product)))
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
            field(.detailType)
                + UnreadableText.cell("\(ModelText.productType(p.type, section: Product.productTypeSection)) (\(p.type.code))", bad, "type"),
            field(.detailPrice) + price(p),
            field(.detailOnSale) + UnreadableText.cell(ModelText.saleText(p), bad, "status", "show_type"),
        ]
        if let show = p.showType, show != .normal { lines.append(field(.detailShownAs) + "\(show)") }
        if let gb = p.flowGB {
            lines.append(
                field(.detailTraffic) + "\(Int(clamping: gb)) GB"
                    + (p.bonusFlowGB.map { $0 > 0 ? UIText.detailBonus(Int(clamping: $0)) : "" } ?? ""))
        }
        if let days = p.timeDays { lines.append(field(.detailValid) + UIText.detailDays(days)) }
        if let stock = ModelText.stock(p) { lines.append(field(.detailStock) + stock) }
        if let renews = p.parentProductType.map({ ModelText.productType($0, section: StaticIP.productTypeSection) }) {
            lines.append(field(.detailRenews) + renews)
        }
        for (name, skus) in [
            (UIText.buyBandwidth(), p.bandwidthSKUs), (UIText.buyDuration(), p.durationSKUs), (UIText.buyConcurrency(), p.concurrencySKUs),
        ]
        where !skus.isEmpty {
            lines.append("")
            lines.append(UIText.detailSKUs(name.lowercased()))
            for sku in skus {
                let bad = sku.unreadable
                let usd = UnreadableText.cell(sku.priceUSD.map { String(format: "%.2f USD", $0) } ?? "", bad, "price_usd")
                let cny = UnreadableText.cell(sku.priceCNY.map { String(format: "%.2f CNY", $0) } ?? "", bad, "price")
                let id = sku.hasIdentity ? String(sku.id) : UnreadableText.mark
                lines.append("  #\(id)  \(UIText.detailValue(UnreadableText.cell(String(sku.value), bad, "value")))  \(usd)  \(cny)")
            }
        }
        if !p.tips.isEmpty { lines += [""] + p.tips.map { "• " + $0 } }
        if !p.introduction.isEmpty { lines += [""] + p.introduction }
        if !p.unreadable.isEmpty {
            lines += ["", UIText.detailUnreadable() + p.unreadable.names.joined(separator: ", ")]
        }
        return lines
    }

    /// A label padded in display width, so that the values line up in either language.
    static func field(_ label: UIText) -> String { DisplayWidth.fit(label(), to: 12) }
}
