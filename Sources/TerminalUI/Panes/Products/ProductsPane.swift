import Foundation
import Monitor
import ProxyLiteAPI

/// What the provider sells, with prices; buying through a price preview.
enum ProductsPane: Pane {
    static let tab = Tab.products
    static let id = "products"
    static let title = "Products"
    static let shortTitle = "Prod"
    static let onDemand: [Resource] = [.catalogue]
    static var table: WritableKeyPath<UIState, TableState>? { \.products }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.products.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        ProductsScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "details", "Enter y", .key(.keyProductDetails), keys: [.enter, .character("y")], footer: true) { ui, input in
            ui.openProductDetail(input.snapshot, input.lists)
        },
        // Only a price preview (order/check creates nothing): allowed read-only; the order step after it is not.
        .pane(tab, "buy", "b", .key(.keyBuy), keys: chars("b"), footer: true) { ui, input in
            ui.openPurchase(input.snapshot, input.lists, now: input.now)
        },
    ]
}
