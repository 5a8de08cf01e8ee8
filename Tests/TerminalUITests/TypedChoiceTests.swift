import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// A form's choices carry their values: what the user chose is what is sent, even when a poll
/// changed the list behind the open form.
@Suite struct TypedChoiceTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func package(_ id: Int, _ title: String) -> PurchasedPackage {
        Fixtures.decode(
            PurchasedPackage.self,
            #"{"id":\#(id),"created_at":"2026-12-01 00:00:00","expired_at":"2027-03-01 00:00:00","product_type":11,"trade_no":"TN\#(id)","order":{"title":"\#(title)"}}"#
        )
    }

    func snapshot(_ packages: [PurchasedPackage]) async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.packages(packages), at: now)
        await store.apply(.whitelist([]), at: now)
        return await store.current
    }

    @Test func theChosenPackageIsSentByIdAfterTheListChanged() async throws {
        let before = await snapshot([package(101, "Alpha plan"), package(202, "Beta plan")])
        var ui = UIState()
        ui.openWhitelistForm(before)
        guard case .form(var form, let purpose) = ui.dialog else {
            Issue.record("no form")
            return
        }
        form["ips"].text = "203.0.113.7"
        form["type"].index = try #require(form["type"].values.firstIndex(of: .productType(.dynamicResidentialIP)))
        form["package"].index = try #require(form["package"].values.firstIndex(of: .package(id: 202)))
        // A poll while the form was open: a new package sorts first, shifting every position.
        let after = await snapshot([package(303, "Gamma plan"), package(101, "Alpha plan"), package(202, "Beta plan")])
        _ = ui.submit(form, purpose, snapshot: after, now: now)
        guard case .confirm(let confirm) = ui.dialog else {
            Issue.record("expected the confirmation, got \(String(describing: ui.dialog))")
            return
        }
        #expect(confirm.lines.contains { $0.contains("package: 202") })
        #expect(confirm.command == .addWhitelistIPs(["203.0.113.7"], remark: "", productType: .dynamicResidentialIP, userProductID: 202))
    }

    @Test func aChosenPackageThatIsGoneIsAskedForAgain() async throws {
        let before = await snapshot([package(101, "Alpha plan"), package(202, "Beta plan")])
        var ui = UIState()
        ui.openWhitelistForm(before)
        guard case .form(var form, let purpose) = ui.dialog else {
            Issue.record("no form")
            return
        }
        form["ips"].text = "203.0.113.7"
        form["package"].index = try #require(form["package"].values.firstIndex(of: .package(id: 202)))
        _ = ui.submit(form, purpose, snapshot: await snapshot([package(101, "Alpha plan")]), now: now)
        guard case .form(let reopened, _) = ui.dialog else {
            Issue.record("expected the form again, got \(String(describing: ui.dialog))")
            return
        }
        #expect(reopened.message?.contains("202 is no longer listed") == true)
    }
}

extension TypedChoiceTests {
    /// The renewal form's payment method, gone from the catalogue by the time the form is sent:
    /// asked for again, never swapped for another method.
    @Test func aPaymentMethodNoLongerOfferedIsAskedForAgain() async throws {
        let data = try await everyKindOfRecord(at: now)
        var ui = UIState()
        ui.tab = .staticIPs
        let layout = ScreenLayout(width: 120, height: 40)
        _ = ui.handle(
            .character("R"), snapshot: data, lists: VisibleLists.compute(data, ui), bodyRows: layout.body.height, now: now,
            layout: layout)
        guard case .form(let form, let purpose) = ui.dialog else {
            Issue.record("R did not open the renewal form: \(String(describing: ui.dialog)) \(String(describing: ui.flash))")
            return
        }
        let catalogue = try #require(data.catalogue.value)
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.staticIPs(data.staticIPs.value ?? []), at: now)
        await store.apply(
            .catalogue(CatalogueData(products: catalogue.products, paymentGroups: [], rechargeRatios: catalogue.rechargeRatios)),
            at: now)
        let effects = ui.submit(form, purpose, snapshot: await store.current, now: now)
        #expect(effects.isEmpty)
        guard case .form(let reopened, _) = ui.dialog else {
            Issue.record("expected the form again, got \(String(describing: ui.dialog))")
            return
        }
        #expect(reopened.message == "that payment method is no longer offered; choose again")
        #expect(reopened["method"].index == form["method"].index)
    }
}
