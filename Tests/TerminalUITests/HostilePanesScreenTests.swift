import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import TerminalUI

/// The Whitelist and Products panes and the order preview against a simulator that spoils one
/// value in a named row: the row is on screen, the cell of that value is `?`, the title counts
/// it, and a row without its identity cannot be marked or removed.
@Suite struct HostilePanesScreenTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let layout = ScreenLayout(width: 150, height: 30)

    func world(_ targets: [HostileRows.Target]) -> SimulatorConfiguration {
        var faults = FaultPlan()
        faults.hostileValues = targets
        return testWorld(faults: faults)
    }

    func render(_ data: Snapshot, _ ui: UIState) -> CellBuffer {
        renderDashboard(data, ui, now: now, width: layout.width, height: layout.height)
    }

    /// The first row whose text contains `text`.
    func row(_ text: String, _ buffer: CellBuffer) throws -> Int {
        try #require((0..<buffer.height).first { buffer.line($0).contains(text) }, "no row shows \(text)")
    }

    /// The column where `title` starts in row `y` (a table header).
    func column(_ title: String, row y: Int, _ buffer: CellBuffer) throws -> Int {
        let letters = title.map(String.init)
        let x = (0...(buffer.width - letters.count)).first { x in
            letters.indices.allSatisfy { buffer[x + $0, y].text == letters[$0] }
        }
        return try #require(x, "no column \(title) in \(buffer.line(y))")
    }

    /// The text of the cells `x..<x + width` of row `y`.
    func cells(_ x: Int, _ width: Int, row y: Int, _ buffer: CellBuffer) -> String {
        (x..<x + width).map { buffer[$0, y].text }.joined()
    }

    @Test func whitelistShowsAQuestionMarkInTheCellAndTheCountInTheTitle() async throws {
        let targets: [HostileRows.Target] = [
            .init(.whitelist, index: 0, .textForNumber), .init(.whitelist, index: 1, .missingIdentity),
            .init(.whitelist, index: 2, .impossibleDate),
        ]
        let plain = try await withSimulator(testWorld()) { _, client in try await client.whitelistIPs() }
        let hostile = try await withSimulator(world(targets)) { _, client in try await client.whitelistIPs() }
        #expect(hostile.count == 4 && plain.count == 4)
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.whitelist(hostile), at: now)
        let data = await store.current
        var ui = UIState()
        ui.tab = .whitelist
        let buffer = render(data, ui)
        let title = try row("Whitelist 4", buffer)
        #expect(buffer.line(title).contains("Whitelist 4  · 2 values unreadable"), "\(buffer.line(title))")
        let header = try row("REMARK", buffer)
        let ipX = try column("IP", row: header, buffer)
        let typeX = try column("TYPE", row: header, buffer)
        let createdX = try column("CREATED", row: header, buffer)
        // Row 0: its type is `?`, the rest as sent.
        let first = try row(plain[0].ip, buffer)
        #expect(cells(typeX, 2, row: first, buffer) == "? ")
        #expect(cells(createdX, 1, row: first, buffer) != "?")
        // Row 1: no address, so `?` where it goes; its remark is still there.
        let second = header + 2
        #expect(cells(ipX, 2, row: second, buffer) == "? ", "\(buffer.line(second))")
        #expect(buffer.line(second).contains(plain[1].remark))
        // Row 2: its date is `?`.
        let third = try row(plain[2].ip, buffer)
        #expect(cells(createdX, 2, row: third, buffer) == "? ")
        #expect(cells(typeX, 1, row: third, buffer) != "?")

        // The row without an address can be neither marked nor removed; * marks only the others.
        let lists = VisibleLists.compute(data, ui)
        for key in [Key.character(" "), .character("D"), .character("y")] {
            ui.whitelist.selected = 1
            let effects = ui.handle(key, snapshot: data, lists: lists, bodyRows: 20, now: now, layout: layout)
            #expect(effects.isEmpty && ui.whitelistMarks.isEmpty && ui.dialog == nil, "\(key)")
            #expect(ui.flash?.text.contains("could not be read") == true, "\(key): \(ui.flash?.text ?? "")")
        }
        _ = ui.handle(.character("*"), snapshot: data, lists: lists, bodyRows: 20, now: now, layout: layout)
        #expect(ui.whitelistMarks == Set([plain[0].ip, plain[2].ip, plain[3].ip]))
        #expect(ui.whitelistTargets(data, lists) == [plain[0].ip, plain[2].ip, plain[3].ip])
    }

    @Test func productsShowAQuestionMarkForAPriceThatCannotBeReadAndTheCount() async throws {
        let targets: [HostileRows.Target] = [.init(.products, index: 0, .nanText), .init(.products, index: 1, .objectForText)]
        let products = try await withSimulator(world(targets)) { _, client in try await client.products() }
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.catalogue(CatalogueData(products: products, paymentGroups: [], rechargeRatios: [])), at: now)
        let data = await store.current
        var ui = UIState()
        ui.tab = .products
        let buffer = render(data, ui)
        let title = try row("Products \(products.count)", buffer)
        #expect(buffer.line(title).contains("Products \(products.count)  · 2 values unreadable"), "\(buffer.line(title))")
        let header = try row("PRICE", buffer)
        let titleX = try column("TITLE", row: header, buffer)
        let priceEnd = try column("PRICE", row: header, buffer) + "PRICE".count
        let first = header + 1
        let second = header + 2
        // Row 0: the price is `?`, never 0.00; its title is there.
        #expect(cells(priceEnd - 2, 2, row: first, buffer) == " ?", "\(buffer.line(first))")
        #expect(
            buffer.line(first).contains(String(products[0].title.prefix(12))) && !buffer.line(first).contains("0.00"),
            "\(buffer.line(first))")
        // Row 1: the title is `?`, the price as sent.
        #expect(cells(titleX, 2, row: second, buffer) == "? ", "\(buffer.line(second))")
        #expect(buffer.line(second).contains(ProductText.price(products[1])) && ProductText.price(products[1]).hasSuffix("USD"))
    }

    @Test func aRenewalWithoutAReadableIdIsNeverPicked() {
        let product = { (id: String, showType: String) in
            Fixtures.decode(
                Product.self, #"{"id":\#(id),"type":19,"parent_product_type":14,"status":1,"show_type":\#(showType),"usd_price":3}"#)
        }
        let nameless = product(#""x""#, "1")
        let unsure = product("8", #""NaN""#)
        let named = product("9", "1")
        #expect(!nameless.hasIdentity && unsure.unreadable.names == ["show_type"] && !unsure.isPurchasable)
        let catalogue = CatalogueData(products: [nameless, unsure], paymentGroups: [], rechargeRatios: [])
        #expect(catalogue.renewalProduct(for: ProductType(14)) == nil)
        let withNamed = CatalogueData(products: [nameless, unsure, named], paymentGroups: [], rechargeRatios: [])
        #expect(withNamed.renewalProduct(for: ProductType(14))?.id == 9)
    }

    @Test func aPreviewWhosePriceToPayCannotBeReadSaysSoAndNeverShowsZero() {
        let quote = Fixtures.decode(
            OrderCheckResult.self,
            #"{"title":"Renewal","total_fee":10,"discount_fee":0,"pay_fee":"NaN","ip_result":[{"ip":"192.0.2.1","price":"lots","country_code":"US"}]}"#
        )
        var ui = UIState()
        let request = OrderRequest(productID: 9, paymentMethodID: 1, renewIDs: [1], renewDuration: .oneMonth)
        ui.showQuote(quote, request: request, ips: ["192.0.2.1"], snapshot: Snapshot(), now: now)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected the Create order confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.lines.contains("Total 10.00, discount 0.00, to pay ?"), "\(dialog.lines)")
        #expect(dialog.lines.contains("The price to pay could not be read: the amount is unknown, not 0."))
        #expect(dialog.lines.contains { $0.contains("192.0.2.1") && $0.hasSuffix("       ?   ? → ?") }, "\(dialog.lines)")
        #expect(dialog.lines.contains("1 IP price could not be read (shown as ?)."))
        #expect(dialog.warning?.contains("The price to pay is unknown") == true)
        #expect(!dialog.lines.contains { $0.contains("to pay 0") } && dialog.warning?.contains("0.00") == false)
        let screen = render(Snapshot(source: "t"), ui)
        #expect((0..<screen.height).contains { screen.line($0).contains("to pay ?") })
    }
}
