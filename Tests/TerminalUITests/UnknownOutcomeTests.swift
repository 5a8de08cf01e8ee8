import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// What the user is told when a write got no answer, and how an order that may exist is shown
/// before another can be created.
@Suite struct UnknownOutcomeTests {
    let layout = ScreenLayout(width: 120, height: 40)
    let sentAt = Date(timeIntervalSince1970: 1_800_000_000)
    let timeout = ProxyLiteError(.timeout, endpoint: "order/create", message: "no answer in time")

    func key(_ key: Key, _ ui: inout UIState, _ snapshot: Snapshot) -> [Effect] {
        ui.handle(
            key, snapshot: snapshot, lists: VisibleLists.compute(snapshot, ui), bodyRows: layout.body.height, now: sentAt,
            layout: layout)
    }

    func order(_ tradeNo: String, productID: Int, status: Int, created: Date) -> Order {
        Fixtures.decode(
            Order.self,
            """
            {"id":9,"trade_no":"\(tradeNo)","product_id":\(productID),"product_type":19,"amount":1,"pay_fee":3.5,
             "status":\(status),"title":"Renewal","created_at":"\(ISO8601DateFormatter().string(from: created))"}
            """)
    }

    @Test func anUnknownWriteSaysItMayHaveBeenApplied() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var ui = UIState()
        ui.requests.record(3, .flash("disable shop1"))
        await store.record(
            Reply(
                id: 3, command: .disable(["shop1"]), outcome: .unknown(ProxyLiteError(.httpStatus(502), endpoint: "d", message: "HTTP 502"))
            ))
        ui.receive(await store.current, now: sentAt)
        let text = try #require(ui.flash?.text)
        #expect(text.contains("may have been applied"))
        #expect(!text.contains("Nothing changed"))
        #expect(ui.flash?.role == .warning)
    }

    @Test func aLimitOverManyAccountsSaysHowEachWent() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var ui = UIState()
        ui.requests.record(4, .flash("limit"))
        var batch = BatchOutcome()
        batch.accepted = ["a1", "a2"]
        batch.refused = [.init(username: "a3", error: ProxyLiteError(.badParameters, endpoint: "l", message: "账户不存在"))]
        batch.unknown = [.init(username: "a4", error: timeout)]
        await store.record(Reply(id: 4, command: .changeLimit(["a1", "a2", "a3", "a4"], gigabytes: 9), outcome: .done(.batch(batch))))
        ui.receive(await store.current, now: sentAt)
        let text = try #require(ui.flash?.text)
        #expect(text.contains("2 accepted, 1 refused, 1 unknown"))
        #expect(text.contains("a3") && text.contains("账户不存在") && text.contains("may have been applied: a4"))
    }

    @Test func anUnknownOrderListsTheOrdersThatMayBeItBeforeAnotherIsCreated() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        let old = order("T-OLD", productID: 77, status: 0, created: sentAt.addingTimeInterval(-3600))
        await store.apply(.orders([old]), at: sentAt.addingTimeInterval(-10))
        var ui = UIState()
        ui.requests.record(5, .order)
        let request = OrderRequest(productID: 77, paymentMethodID: 1, renewIDs: [1], renewDuration: .oneMonth)
        await store.record(Reply(id: 5, command: .createOrder(request), outcome: .unknown(timeout), sentAt: sentAt))
        ui.receive(await store.current, now: sentAt)
        guard case .unsettledOrder(let first) = ui.dialog else {
            Issue.record("expected the unsettled-order list, got \(String(describing: ui.dialog))")
            return
        }
        #expect(first.lines.contains { $0.contains("being polled again") })
        #expect(!first.lines.joined().contains("T-OLD"))

        // Closed before the orders were polled again: not yet seen, so Create order shows it again.
        _ = key(.escape, &ui, await store.current)
        #expect(ui.unsettledOrder != nil)
        ui.dialog = .confirm(
            ConfirmDialog(profile: "default", title: "Renewal", lines: [], confirmLabel: "Create order", command: .createOrder(request)))
        let effects = key(.character("y"), &ui, await store.current)
        #expect(!effects.contains { if case .run = $0 { return true } else { return false } })
        guard case .unsettledOrder = ui.dialog else {
            Issue.record("Create order went ahead: \(String(describing: ui.dialog))")
            return
        }

        // The re-poll shows the order that the lost answer created.
        let created = order("T-NEW", productID: 77, status: 0, created: sentAt.addingTimeInterval(1))
        let other = order("T-OTHER", productID: 12, status: 0, created: sentAt.addingTimeInterval(2))
        await store.apply(.orders([created, other, old]), at: sentAt.addingTimeInterval(5))
        ui.receive(await store.current, now: sentAt.addingTimeInterval(5))
        guard case .unsettledOrder(let updated) = ui.dialog else {
            Issue.record("the list closed")
            return
        }
        let shown = updated.lines.joined(separator: "\n")
        #expect(shown.contains("T-NEW") && !shown.contains("T-OTHER") && !shown.contains("T-OLD"))
        _ = key(.escape, &ui, await store.current)
        #expect(ui.unsettledOrder == nil, "seen after the re-poll: creating is offered again")
    }
}
