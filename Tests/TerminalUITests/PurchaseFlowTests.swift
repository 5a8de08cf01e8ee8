import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI
import TestSupport
import Testing

/// Buying from the Products pane and renewing from the Packages pane: from the key to the form,
/// the price preview the simulator answers over HTTP, the explicit Create order and the order it
/// makes. The UI is pure state here; the commands it sends are run with a real client.
@Suite struct PurchaseFlowTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let now = Date()

    func snapshot(_ client: ProxyLiteClient, readOnly: Bool = false) async throws -> Snapshot {
        let store = Store(source: "t", readOnly: readOnly) { _ in }
        await store.apply(.packages(try await client.allPackages()), at: now)
        let catalogue = CatalogueData(
            products: try await client.products(), paymentGroups: try await client.paymentGroups(),
            rechargeRatios: try await client.rechargeGiftRatios())
        await store.apply(.catalogue(catalogue), at: now)
        return await store.current
    }

    @discardableResult
    func press(_ keys: [Key], _ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: now, layout: layout)
        }
        return effects
    }

    func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    /// Enter moves through the fields to the submit button and presses it.
    func submit(_ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<12 {
            guard case .form(let form, _) = ui.dialog else { break }
            effects += press([.enter], &ui, snapshot)
            if form.focus == form.submitIndex { break }
        }
        return effects
    }

    func run(_ effects: [Effect]) -> (id: Int, command: Command)? {
        for case .run(let id, let command, _) in effects { return (id, command) }
        return nil
    }

    /// Opens the purchase form of product `id` on the Products pane.
    func openPurchase(_ id: Int, _ ui: inout UIState, _ data: Snapshot) throws {
        ui.tab = .products
        ui.products.selected = try #require(data.catalogue.value?.products.firstIndex { $0.id == id })
        press([.character("b")], &ui, data)
    }

    func form(_ ui: UIState) -> FormState? {
        if case .form(let form, _) = ui.dialog { return form }
        return nil
    }

    /// Runs `command`'s order call against the simulator and hands the reply to the UI.
    func answer(
        _ sent: (id: Int, command: Command), _ client: ProxyLiteClient, _ ui: inout UIState, readOnly: Bool = false
    ) async throws {
        let store = Store(source: "t", readOnly: readOnly) { _ in }
        let outcome: Reply.Outcome
        switch sent.command {
        case .checkOrder(let request): outcome = .done(.quote(try await client.checkOrder(request)))
        case .createOrder(let request):
            do {
                outcome = .done(.order(try await client.createOrder(request)))
            } catch let error as ProxyLiteError {
                outcome = .rejected(error)
            }
        default:
            Issue.record("not an order command: \(sent.command)")
            return
        }
        await store.record(Reply(id: sent.id, command: sent.command, outcome: outcome))
        ui.receive(await store.current, now: now)
    }

    /// Hands the UI `quote` (a body the simulator would not send) as the answer to `check`.
    func answer(_ check: (id: Int, command: Command), with quote: String, _ ui: inout UIState) async throws {
        guard case .checkOrder(let request) = check.command else { throw CancellationError() }
        let store = Store(source: "t", readOnly: false) { _ in }
        let decoded = Fixtures.decode(OrderCheckResult.self, quote)
        await store.record(Reply(id: check.id, command: .checkOrder(request), outcome: .done(.quote(decoded))))
        ui.receive(await store.current, now: now)
    }

    @Test func aPurchaseIsPricedFirstAndOrderedOnlyOnTheExplicitStep() async throws {
        var world = testWorld()
        world.balanceChargesAtOnce = true
        try await withSimulator(world) { simulator, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(102, &ui, data)
            let opened = try #require(form(ui), "b opened no form: \(ui.flash?.text ?? "")")
            #expect(opened.fields.map(\.key) == ["quantity", "length", "coupon", "method"])
            // A disabled method is never offered.
            #expect(!opened["method"].options.contains { $0.contains("Bitcoin") })
            #expect(opened["method"].options.first?.hasPrefix("Account balance") == true)
            press([.backspace] + typed("2") + [.tab, .tab] + typed("WELCOME10"), &ui, data)
            let check = try #require(run(submit(&ui, data)))
            let expected = OrderRequest(productID: 102, paymentMethodID: 1, amount: 2, couponCode: "WELCOME10")
            #expect(check.command == .checkOrder(expected))
            #expect(simulator.requestCounts["order/create"] == nil)
            try await answer(check, client, &ui)
            guard case .confirm(let confirm) = ui.dialog else {
                Issue.record("expected the price with Create order, got \(String(describing: ui.dialog))")
                return
            }
            #expect(confirm.lines.contains("Buy 2 × Business 50 GB"))
            #expect(confirm.lines.contains("Total 240.00, discount 24.00, to pay 216.00"))
            #expect(confirm.lines.contains("Nothing has been ordered yet."))
            #expect(confirm.warning?.hasPrefix("Paying from the balance may charge it at once") == true)
            #expect(!confirm.confirmFocused)  // Enter alone cancels
            let create = try #require(run(press([.character("y")], &ui, data)))
            #expect(create.command == .createOrder(expected))
            try await answer(create, client, &ui)
            guard case .text(let created) = ui.dialog else {
                Issue.record("expected the created order, got \(String(describing: ui.dialog))")
                return
            }
            let order = try #require(try await client.allOrders().first)
            #expect(created.lines.contains("trade no   \(order.tradeNo)"))
            // The status the provider answered: paid at once from the balance.
            #expect(created.lines.contains("status     paid"))
            #expect(ui.flash?.text == "✓ Order \(order.tradeNo) created, status: paid.")
        }
    }

    @Test func whatCannotBeBoughtSaysWhyAndOpensNothing() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            for (id, words) in [(118, "custom-made only"), (104, "not on sale"), (128, "sold out"), (119, "pane 3 (Static IPs)")] {
                var ui = UIState()
                try openPurchase(id, &ui, data)
                #expect(ui.dialog == nil, "\(id)")
                #expect(ui.flash?.text.contains(words) == true, "\(id): \(ui.flash?.text ?? "")")
            }
        }
    }

    @Test func regionsAreCheckedAgainstTheFormatAndTheStockLeft() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(127, &ui, data)
            #expect(form(ui)?.fields.first?.key == "regions")
            press(typed("JP;3"), &ui, data)
            #expect(run(submit(&ui, data)) == nil)
            #expect(form(ui)?.message?.contains("“JP;3” is not country,count[,ASN]") == true)
            press([.control("u")] + typed("jp,4|DE,3,444"), &ui, data)
            #expect(run(submit(&ui, data)) == nil)
            #expect(form(ui)?.message == "only 6 left in stock")
            ui.dialog = nil
            try openPurchase(127, &ui, data)
            press(typed("jp, 4 | DE,2,444"), &ui, data)
            let check = try #require(run(submit(&ui, data)))
            guard case .checkOrder(let request) = check.command else { throw CancellationError() }
            #expect(request.regionList == "JP,4|DE,2,444" && request.amount == nil)
        }
    }

    @Test func aTopUpLeavesOutTheBalanceAndKeepsWithinTheMethodsBounds() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(1030, &ui, data)
            let opened = try #require(form(ui))
            #expect(opened.fields.map(\.key) == ["amount", "coupon", "method"])
            #expect(!opened["method"].options.contains { $0.hasPrefix("Account balance") })
            #expect(opened["method"].options.first == "Visa / Mastercard (Card) (5.00–5000.00)")
            press(typed("6000"), &ui, data)
            #expect(run(submit(&ui, data)) == nil)
            #expect(form(ui)?.message == "Visa / Mastercard takes (5.00–5000.00); 6000 is outside that")
            press([.control("u")] + typed("50"), &ui, data)
            let check = try #require(run(submit(&ui, data)))
            #expect(check.command == .checkOrder(OrderRequest(productID: 1030, paymentMethodID: 2, rechargeAmount: 50)))
        }
    }

    @Test func theVariantsChosenGoIntoTheBody() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(111, &ui, data)
            #expect(form(ui)?.fields.map(\.key) == ["bandwidth", "concurrency", "duration", "length", "coupon", "method"])
            // Bandwidth one step right, concurrency as is, duration one left (the last), length ×2.
            press([.right, .tab, .tab, .left, .tab, .right], &ui, data)
            let check = try #require(run(submit(&ui, data)))
            guard case .checkOrder(let request) = check.command else { throw CancellationError() }
            #expect(request.bandwidthSKU == 2 && request.concurrencySKU == 21 && request.durationSKU == 13)
            #expect(request.durationMultiplier == 2)
            try await answer(check, client, &ui)
            guard case .confirm(let confirm) = ui.dialog else {
                Issue.record("expected the price, got \(String(describing: ui.dialog))")
                return
            }
            #expect(confirm.lines.contains("length ×2"))
            // 180 + 0 + 199, times 1 + (2 - 1) × 0.9.
            #expect(confirm.lines.contains("Total 720.10, discount 0.00, to pay 720.10"))
        }
    }

    @Test func aPriceOutsideTheMethodsBoundsOffersNoCreateOrder() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(103, &ui, data)
            press([.tab, .tab, .tab, .right], &ui, data)  // Visa / Mastercard: 5–5000
            let check = try #require(run(submit(&ui, data)))
            // The catalogue took the method, but the provider's price is past its maximum.
            try await answer(
                check, with: #"{"title":"Enterprise 500 GB","amount":1,"total_fee":9000,"discount_fee":0,"pay_fee":9000}"#, &ui)
            guard case .text(let shown) = ui.dialog else {
                Issue.record("expected the price without Create order, got \(String(describing: ui.dialog))")
                return
            }
            #expect(shown.lines.contains("Visa / Mastercard takes (5.00–5000.00); 9000.00 is outside that."))
            #expect(shown.lines.contains("Create order is off: choose another payment method or amount."))
        }
    }

    @Test func aProductChangedByAPollSinceItsFormOpenedOrdersNothing() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(111, &ui, data)
            #expect(form(ui)?.fields.first?.key == "bandwidth")
            // The hourly catalogue poll brings the product without its bandwidth SKUs: a plain
            // quantity now, whose field the open form does not have.
            var polled = data
            var products = try #require(data.catalogue.value?.products)
            let index = try #require(products.firstIndex { $0.id == 111 })
            products[index].bandwidthSKUs = []
            polled.catalogue.value?.productsResult = .success(products)
            #expect(run(submit(&ui, polled)) == nil)
            #expect(ui.dialog == nil)
            #expect(ui.flash?.text.contains("The product changed since its form opened; nothing was ordered.") == true)
        }
    }

    @Test func aRegionCountTooLargeToAddUpIsRefusedNotSummed() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(127, &ui, data)
            press(typed("US,9223372036854775807|DE,1"), &ui, data)
            #expect(run(submit(&ui, data)) == nil)
            #expect(form(ui)?.message?.contains("US,9223372036854775807") == true)
        }
    }

    @Test func aPriceToPayThatCannotBeReadOffersNoCreateOrder() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(102, &ui, data)
            let check = try #require(run(submit(&ui, data)))
            try await answer(check, with: #"{"title":"Starter","amount":1,"total_fee":15,"discount_fee":0,"pay_fee":"fifteen"}"#, &ui)
            guard case .text(let shown) = ui.dialog else {
                Issue.record("expected the price without Create order, got \(String(describing: ui.dialog))")
                return
            }
            #expect(shown.lines.contains("The price to pay could not be read, so no order can be created from here."))
        }
    }

    @Test func aPaymentBoundThatCannotBeReadLetsNothingThrough() {
        let method = Fixtures.decode(PaymentGroup.Method.self, #"{"id":9,"title":"Card","group":"Card","min":1,"max":"5 000"}"#)
        #expect(method.unreadable.contains("max"))
        #expect(!method.accepts(2))
        let readable = Fixtures.decode(PaymentGroup.Method.self, #"{"id":9,"title":"Card","group":"Card","min":1,"max":5000}"#)
        #expect(readable.accepts(2) && !readable.accepts(6000))
    }

    @Test func aRefusedOrderSaysWhatTheProviderSaid() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            // A card order of one datacenter IP (3.00) is under the card's minimum: the provider refuses it.
            let request = OrderRequest(productID: 114, paymentMethodID: 2, regionList: "US,1")
            ui.dialog = .confirm(
                ConfirmDialog(profile: "default", title: "Buy", lines: [], confirmLabel: "Create order", command: .createOrder(request)))
            let create = try #require(run(press([.character("y")], &ui, data)))
            try await answer(create, client, &ui)
            let flash = try #require(ui.flash?.text)
            #expect(flash.hasPrefix("✗ Refused: new order: "))
            #expect(flash.contains("pm_id: Visa / Mastercard 支付金额须在 5.00 到 5000.00 之间: 3.00"))
            #expect(try await client.allOrders().count == 30)
        }
    }

    @Test func readOnlyShowsThePriceButNoOrderStep() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let data = try await snapshot(client, readOnly: true)
            var ui = UIState()
            try openPurchase(101, &ui, data)
            let check = try #require(run(submit(&ui, data)))
            try await answer(check, client, &ui, readOnly: true)
            guard case .text(let shown) = ui.dialog else {
                Issue.record("expected the price only, got \(String(describing: ui.dialog)); \(ui.flash?.text ?? "")")
                return
            }
            #expect(shown.lines.contains("Read-only mode: Create order is off."))
            #expect(simulator.requestCounts["order/create"] == nil)
        }
    }

    @Test func aPackageRenewsThroughTheSameTwoSteps() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let data = try await snapshot(client)
            let packages = try #require(data.packages.value)
            let index = try #require(packages.firstIndex { $0.productType.code == 9 })
            var ui = UIState()
            ui.tab = .packages
            ui.packages.selected = try #require(VisibleLists.compute(data, ui).packages.firstIndex(of: index))
            press([.character("R")], &ui, data)
            let opened = try #require(form(ui), "R opened no form: \(ui.flash?.text ?? "")")
            #expect(opened.title == "Renew package \(packages[index].id)")
            // Only orderable products of the package's type: not the withdrawn 104.
            #expect(opened["product"].options.count == 3 && !opened["product"].options.contains { $0.contains("withdrawn") })
            press([.tab, .tab, .right], &ui, data)  // pay by card
            let check = try #require(run(submit(&ui, data)))
            let expected = OrderRequest(productID: 101, paymentMethodID: 2, renewIDs: [packages[index].id])
            #expect(check.command == .checkOrder(expected))
            try await answer(check, client, &ui)
            guard case .confirm(let confirm) = ui.dialog else {
                Issue.record("expected the price with Create order, got \(String(describing: ui.dialog))")
                return
            }
            #expect(confirm.lines.first?.hasPrefix("Renew package \(packages[index].id) (") == true)
            #expect(confirm.lines.contains("Total 15.00, discount 0.00, to pay 15.00"))
            #expect(confirm.warning == "Create order makes an unpaid order of 15.00; pay it in the provider's console.")
            let create = try #require(run(press([.character("y")], &ui, data)))
            try await answer(create, client, &ui)
            guard case .text(let created) = ui.dialog else {
                Issue.record("expected the created order, got \(String(describing: ui.dialog))")
                return
            }
            #expect(created.lines.contains("status     unpaid"))
            #expect(simulator.requestCounts["order/create"] == 1)
        }
    }

    @Test func theFormAndThePriceFitEightyColumns() async throws {
        try await withSimulator(testWorld()) { _, client in
            let data = try await snapshot(client)
            var ui = UIState()
            try openPurchase(111, &ui, data)
            let buffer = renderDashboard(data, ui, now: now, width: 80, height: 24)
            let screen = (0..<buffer.height).map { buffer.line($0) }
            #expect(screen.contains { $0.contains("Buy Unlimited global V2") })
            #expect(screen.contains { $0.contains("Preview price") })
            #expect(screen.allSatisfy { DisplayWidth.columns($0) <= 80 })
            // The footer and help name the keys.
            ui.dialog = nil
            let pane = renderDashboard(data, ui, now: now, width: 120, height: 30)
            let footer = pane.line(pane.height - 1)
            #expect(footer.contains("b buy"), "\(footer)")
        }
    }
}
