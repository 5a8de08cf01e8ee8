import Foundation
import Monitor
import ProxyLiteAPI

/// What can be bought (read-only): products with prices, payment methods and top-up bonuses.
/// Each of the three comes from its own endpoint; a part that failed is named in its place.
enum ProductsScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.catalogue
        let products = state.value?.products ?? []
        let unreadable = UnreadableText.title(UnreadableText.count(products) { $0.unreadable })
        guard
            let content = PaneStatus.frame(
                UIText.productsTitle(products.count) + unreadable, note: PurchaseText.paneNote, state: state,
                context: context,
                area: area,
                into: &buffer)
        else { return }
        let sideWidth = content.width >= 110 ? 34 : 0
        let tableArea = Rect(x: content.x, y: content.y, width: content.width - sideWidth, height: content.height)
        let shown = context.lists.products
        if let error = state.value?.productsResult.failure {
            // The side panel below may still have payment methods and bonuses to show.
            buffer.put(
                DisplayWidth.truncate(unavailable(UIText.tabProducts(), error), to: max(0, tableArea.width - 2)), x: tableArea.x + 1,
                y: tableArea.y + min(2, max(0, tableArea.height - 1)), role: .error, clip: tableArea)
        } else {
            renderTable(context, products: products, shown: shown, area: tableArea, into: &buffer)
        }
        guard sideWidth > 0, let data = state.value else { return }
        renderSide(
            data, area: Rect(x: content.maxX - sideWidth + 1, y: content.y, width: sideWidth - 1, height: content.height), into: &buffer)
    }

    static func renderTable(
        _ context: RenderContext, products: [Product], shown: [Int], area tableArea: Rect, into buffer: inout CellBuffer
    ) {
        let columns = ProductsColumns.all
        let cellContext = ColumnContext.dashboard(context)
        PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.products) { index in
            let p = products[shown[index]]
            return PaneTable.row(
                p, columns: columns, unreadable: p.unreadable, context: cellContext, role: p.isPurchasable && p.hasStock() ? .normal : .dim)
        }.render(into: &buffer, area: tableArea)
    }

    /// Payment methods and top-up bonuses, each from its own endpoint.
    static func renderSide(_ data: CatalogueData, area side: Rect, into buffer: inout CellBuffer) {
        var lines: [(String, ColorRole)] = [(UIText.productsPayment(), .accent)]
        if let error = data.paymentGroupsResult.failure { lines.append(("  " + UIText.paneUnavailable(ErrorText.short(error)), .error)) }
        for group in data.paymentGroups {
            lines.append((group.name, .title))
            lines += group.methods.map {
                (
                    "  " + UnreadableText.cell($0.title, $0.unreadable, "title") + ($0.disabled ? UIText.productsOff() : ""),
                    $0.disabled ? .dim : .normal
                )
            }
        }
        lines.append(("", .normal))
        lines.append((UIText.productsBonus(), .accent))
        if let error = data.rechargeRatiosResult.failure { lines.append(("  " + UIText.paneUnavailable(ErrorText.short(error)), .error)) }
        for ratio in data.rechargeRatios {
            let min = ratio.minimumAmount.map { String(format: "≥ %.0f", $0) } ?? UIText.productsAny()
            let bonus = ratio.ratio.map { String(format: "+%.0f%%", $0 * ($0 < 1 ? 100 : 1)) } ?? "?"
            lines.append(("  \(min): \(bonus)", .normal))
        }
        for (i, line) in lines.prefix(side.height).enumerated() {
            buffer.put(line.0, x: side.x, y: side.y + i, role: line.1, clip: side)
        }
    }

    /// "Products unavailable (product): HTTP 503": which endpoint failed, and how.
    static func unavailable(_ what: String, _ error: ProxyLiteError) -> String {
        UIText.productsUnavailable(what, error.endpoint, ErrorText.short(error))
    }
}
