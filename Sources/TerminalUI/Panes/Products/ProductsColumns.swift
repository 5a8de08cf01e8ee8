import Foundation
import Monitor
import ProxyLiteAPI

/// The products table's columns, for the dashboard and `snapshot`, in CSV order.
public enum ProductsColumns {
    public static let all: [PaneColumn<Product>] = [
        PaneColumn(
            "id", title: .key(.colID), width: .fixed(5), .right, fields: ["id"],
            text: { p, _ in p.id == 0 ? UnreadableText.mark : String(p.id) },
            raw: { p, _ in String(p.id) }),
        PaneColumn(
            "title", title: .key(.colTitle), width: .flex(min: 16), maxWidth: 30, fields: ["title"],
            text: { p, _ in DisplayWidth.displaySafe(p.title) },
            raw: { p, _ in p.title }),
        PaneColumn(
            "type", title: .key(.colType), width: .flex(min: 10), maxWidth: 28, fields: ["type"],
            text: { p, _ in ModelText.productType(p.type, section: Product.productTypeSection) },
            raw: { p, _ in String(p.type.code) }),
        // The price is chosen by the preferred currency and local_price: `?` when any field it is
        // chosen by or read from could not be read.
        PaneColumn(
            "price", title: .key(.colPrice), width: .fixed(10), .right, lost: { $0.preferredPriceIsUnreadable },
            display: { p, _ in TableCell(p.preferredPrice.map { String(format: "%.2f", $0.amount) } ?? "-") },
            raw: { p, _ in p.preferredPrice.map { String(format: "%.2f", $0.amount) } ?? "" }),
        PaneColumn(
            "currency", title: .key(.colCurrency), width: .fixed(3), lost: { $0.preferredPriceIsUnreadable },
            display: { p, _ in TableCell(p.preferredPrice?.currency ?? "") }),
        PaneColumn(
            "days", title: .key(.colDays), width: .fixed(5), .right, fields: ["time_days"],
            text: { p, _ in p.timeDays.map(String.init) ?? "" }),
        PaneColumn(
            "sale", title: .key(.colSale), width: .fixed(11), fields: ["status", "show_type"],
            display: { p, _ in TableCell(ModelText.saleText(p), p.isPurchasable && p.hasStock() ? .good : .dim) },
            raw: { p, _ in p.saleText }),
        PaneColumn(
            "stock", title: .key(.colStock), width: .flex(min: 9), .right, fields: ["total_count", "remain_count"],
            text: { p, _ in ModelText.stock(p) ?? "" }, raw: { p, _ in p.stockText ?? "" }),
        // Not in the CSV before the columns were shared: added at the end.
        PaneColumn(
            "traffic", title: .key(.colTraffic), width: .fixed(8), .right, fields: ["flow_value"],
            text: { p, _ in p.flowGB.map { "\(Int(clamping: $0)) GB" } ?? "" },
            raw: { p, _ in p.flowGB.map { String(Int(clamping: $0)) } ?? "" }),
        PaneColumn(
            "skus", title: .key(.colSKUs), width: .fixed(4), .right, fields: ["sku"], text: { p, _ in skus(p) > 0 ? String(skus(p)) : "" }),
    ]

    public static func unreadable(_ product: Product) -> UnreadableFields { product.unreadable }

    static func skus(_ p: Product) -> Int { p.bandwidthSKUs.count + p.durationSKUs.count + p.concurrencySKUs.count }
}
