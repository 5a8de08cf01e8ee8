import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI
import TestSupport
import Testing

/// The panes and forms as the reference has them: labels from each endpoint's table, unknown
/// order states, over/underpayment and refunds, custom-only products, partial catalogues.
@Suite struct ReferencePaneTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let layout = ScreenLayout(width: 170, height: 30)

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map(buffer.line).joined(separator: "\n") }

    func store() -> Store { Store(source: "t", readOnly: false) { _ in } }

    @discardableResult
    func press(_ keys: [Key], _ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            effects += ui.handle(
                key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: now,
                layout: layout)
        }
        return effects
    }

    @Test func packagesUseTheAccountTable() async {
        let store = store()
        await store.apply(
            .packages([
                Fixtures.decode(PurchasedPackage.self, #"{"id":1,"product_type":11,"trade_no":"T1","expired_at":"2028-01-01 00:00:00"}"#),
                Fixtures.decode(PurchasedPackage.self, #"{"id":2,"product_type":25,"trade_no":"T2","expired_at":"2028-01-01 00:00:00"}"#),
            ]), at: now)
        var ui = UIState()
        ui.tab = .packages
        let snapshot = await store.current
        let screen = text(renderDashboard(snapshot, ui, now: now, width: 150, height: 20))
        #expect(screen.contains("Dynamic residential IP") && screen.contains("Static residential IP"))
        #expect(!screen.contains("global time") && !screen.contains("rate plan"))
        // The type filter names the type the same way.
        press([.character("f"), .character("f")], &ui, snapshot)
        #expect(ui.flash?.text == "Packages: Static residential IP")
    }

    func orders() -> [Order] {
        [
            Fixtures.decode(Order.self, #"{"trade_no":"T-nostatus","title":"Mystery","pay_fee":3,"created_at":"2026-11-04T00:00:00Z"}"#),
            Fixtures.order("T-unpaid", status: 0, created: "2026-11-03T00:00:00Z"),
            Fixtures.decode(
                Order.self,
                #"{"trade_no":"T-over","title":"Paid","status":1,"product_type":9,"pay_fee":5,"pay_fee_status":1,"created_at":"2026-11-02T00:00:00Z"}"#
            ),
            Fixtures.decode(
                Order.self,
                #"{"trade_no":"T-refund","title":"Back","status":3,"product_type":9,"pay_fee":9,"refund_fee":8.5,"pay_fee_status":0,"created_at":"2026-11-01T00:00:00Z"}"#
            ),
        ]
    }

    @Test func ordersShowUnknownStatusPaymentAndRefund() async throws {
        let store = store()
        await store.apply(.orders(orders()), at: now)
        var ui = UIState()
        ui.tab = .orders
        let snapshot = await store.current
        let screen = renderDashboard(snapshot, ui, now: now, width: 170, height: 20)
        let all = text(screen)
        // Only the known unpaid order is counted.
        #expect(all.contains("1 awaiting payment"))
        #expect(all.contains("PAYMENT") && all.contains("REFUND"))
        let unknownRow = try #require((0..<screen.height).first { screen.line($0).hasPrefix("T-nostatus") })
        #expect(screen.line(unknownRow).contains("unknown"))
        #expect(screen.role(40, unknownRow) != .warning)
        let unpaidRow = try #require((0..<screen.height).first { screen.line($0).hasPrefix("T-unpaid") })
        #expect(screen.role(40, unpaidRow) == .warning)
        #expect(all.split(separator: "\n").contains { $0.hasPrefix("T-over") && $0.contains("overpaid") })
        #expect(all.split(separator: "\n").contains { $0.hasPrefix("T-refund") && $0.contains("8.50") })
        // The unknown order (selected, newest) cannot be closed.
        press([.character("c")], &ui, snapshot)
        #expect(ui.dialog == nil)
        #expect(ui.flash?.text.contains("is unknown") == true)
    }

    @Test func customOnlyProductsAndUnlimitedStock() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = store()
            await store.apply(.catalogue(await CatalogueData.fetch(client)), at: now)
            var ui = UIState()
            ui.tab = .products
            let snapshot = await store.current
            let screen = text(renderDashboard(snapshot, ui, now: now, width: 130, height: 30))
            #expect(screen.split(separator: "\n").contains { $0.contains("118") && $0.contains("custom only") })
            // The first product's detail: total_count 0 is unlimited stock.
            press([.enter], &ui, snapshot)
            let detail = text(renderDashboard(snapshot, ui, now: now, width: 130, height: 40))
            #expect(detail.contains("stock       unlimited"))
            #expect(!detail.contains("of 0"))
        }
    }

    @Test func oneFailedCatalogueEndpointLeavesTheRest() async throws {
        try await withSimulator(testWorld()) { _, client in
            let products = try await client.products()
            let groups = try await client.paymentGroups()
            let failure = ProxyLiteError(.httpStatus(503), endpoint: "payment/groups", message: "HTTP 503")
            let store = store()
            await store.apply(
                .catalogue(CatalogueData(products: .success(products), paymentGroups: .failure(failure), rechargeRatios: .success([]))),
                at: now)
            var ui = UIState()
            ui.tab = .products
            let partial = text(renderDashboard(await store.current, ui, now: now, width: 130, height: 30))
            #expect(partial.contains("Business 50 GB"))
            #expect(partial.contains("Payment methods") && partial.contains("unavailable: HTTP 503"))
            let productFailure = ProxyLiteError(.timeout, endpoint: "product", message: "timed out")
            await store.apply(
                .catalogue(
                    CatalogueData(products: .failure(productFailure), paymentGroups: .success(groups), rechargeRatios: .success([]))),
                at: now)
            let noProducts = text(renderDashboard(await store.current, ui, now: now, width: 130, height: 30))
            #expect(noProducts.contains("Products unavailable (product): timeout"))
            #expect(noProducts.contains(try #require(groups.first?.methods.first?.title)))
        }
    }

    func accounts() async -> Snapshot {
        let store = store()
        await store.apply(.accounts([Fixtures.account("user1", limitGB: 50, type: 9)]), at: now)
        return await store.current
    }

    @Test func theAddFormTakesAnyLengthOfLettersAndDigits() async {
        let snapshot = await accounts()
        var ui = UIState()
        press([.character("a")] + "new1".map { .character($0) } + [.tab] + "ab1".map { .character($0) }, &ui, snapshot)
        press([.tab, .tab, .tab, .tab, .tab, .enter], &ui, snapshot)
        guard case .confirm(let dialog) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(dialog.command == .addAccounts([NewAccount(username: "new1", password: "ab1")], remark: "", productType: 9))
    }

    @Test func theEditFormChecksTheEndpointItWillCall() async {
        let snapshot = await accounts()
        var ui = UIState()
        // Password alone: change-password, which takes any length.
        press([.character("c")] + "abc".map { .character($0) } + [.tab, .tab, .tab, .tab, .tab, .enter], &ui, snapshot)
        guard case .confirm(let alone) = ui.dialog else {
            Issue.record("expected a confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(alone.command == .changePassword("user1", to: "abc"))
        press([.escape], &ui, snapshot)
        // Password and remark: proxy-account/change, which wants 6–16.
        press(
            [.character("c")] + "abc".map { .character($0) } + [.tab, .control("u")] + "r".map { .character($0) }
                + [.tab, .tab, .tab, .tab, .enter], &ui, snapshot)
        guard case .form(let form, _) = ui.dialog else {
            Issue.record("expected the form back, got \(String(describing: ui.dialog))")
            return
        }
        #expect(form.message?.contains("6 to 16") == true)
        press([.escape], &ui, snapshot)
        // A limit over 102400 GB is refused in the edit form too.
        press(
            [.character("c"), .tab, .tab, .control("u")] + "102401".map { .character($0) } + [.tab, .tab, .tab, .enter], &ui,
            snapshot)
        guard case .form(let limitForm, _) = ui.dialog else {
            Issue.record("expected the form back, got \(String(describing: ui.dialog))")
            return
        }
        #expect(limitForm.message?.contains("102400") == true)
    }

    @Test func confirmationsSayTheProviderLags() async {
        let snapshot = await accounts()
        var ui = UIState()
        press([.character("D")], &ui, snapshot)
        guard case .confirm(let delete) = ui.dialog else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(delete.lines.contains { $0.contains("may keep charging") })
        press([.escape], &ui, snapshot)
        press([.character("d")], &ui, snapshot)
        guard case .confirm(let disable) = ui.dialog else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(disable.lines.contains { $0.contains("may keep charging") })
        press([.escape], &ui, snapshot)
        press([.character("l")], &ui, snapshot)
        guard case .form(let limit, _) = ui.dialog else {
            Issue.record("expected the limit form")
            return
        }
        #expect(limit.intro.contains { $0.contains("overshoot") && $0.contains("5 minutes") })
    }
}
