import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// The Products and Extract panes drawn from what the simulator serves (their models have too
/// many fields to write fixtures by hand).
@Suite struct CataloguePaneTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date()

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map(buffer.line).joined(separator: "\n") }

    @Test func productsWithPricesPaymentMethodsAndBonuses() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let data = CatalogueData(
                products: try await client.products(), paymentGroups: try await client.paymentGroups(),
                rechargeRatios: try await client.rechargeGiftRatios())
            await store.apply(.catalogue(data), at: now)
            var ui = UIState()
            ui.tab = .products
            let snapshot = await store.current
            let screen = text(renderDashboard(snapshot, ui, now: now, width: 130, height: 30))
            #expect(screen.contains("Products \(data.products.count)"))
            #expect(screen.contains("Business 50 GB"))
            #expect(screen.contains("120.00 USD"))
            #expect(screen.contains("Payment methods"))
            #expect(screen.contains("Top-up bonus"))
            // Enter: every detail of the selected product, SKUs included.
            let layout = ScreenLayout(width: 130, height: 30)
            let lists = VisibleLists.compute(snapshot, ui)
            let skuIndex = try #require(
                lists.products.firstIndex { !data.products[$0].bandwidthSKUs.isEmpty || !data.products[$0].durationSKUs.isEmpty })
            ui.products.selected = skuIndex
            _ = ui.handle(.enter, snapshot: snapshot, lists: lists, bodyRows: layout.body.height, now: now, layout: layout)
            let detail = text(renderDashboard(snapshot, ui, now: now, width: 130, height: 40))
            #expect(detail.contains("SKUs:"))
        }
    }

    @Test func extractPaneShowsStockBesideThePicker() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let regions = RegionData(
                countries: try await client.dynamicStates(), hostPool: try await client.hostPoolRegions(),
                staticStock: try await client.staticIPStock())
            await store.apply(.regions(regions), at: now)
            var ui = UIState()
            ui.tab = .extract
            let screen = text(renderDashboard(await store.current, ui, now: now, width: 120, height: 40))
            #expect(screen.contains("Host pool stock"))
            #expect(screen.contains("Static IP stock"))
            let top = try #require(regions.hostPool.max { $0.count < $1.count })
            #expect(screen.contains(top.countryCode))
            #expect(screen.contains("Nothing extracted yet"))
        }
    }
}
