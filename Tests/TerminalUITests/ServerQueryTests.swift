import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// `F` in the Orders, Static IPs, Packages and Flow panes: the form, the read-only query it
/// sends, the answer shown in place of the polled list under a banner, and back with Esc. The
/// rows come from the simulator over HTTP, the query's answer too.
@Suite struct ServerQueryTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let t0 = ContinuousClock.now
    let layout = ScreenLayout(width: 120, height: 30)
    /// A second later on each use: a dialog takes Enter only once it has been up 250 ms.
    let clock = Ticker()
    var moment: AppMoment { AppMoment(now: now, uptime: t0 + .seconds(clock.next())) }

    func keys(_ keys: [Key]) -> AppEvent { .keys(keys, layout: layout) }
    func typed(_ text: String) -> [Key] { text.map { .character($0) } }

    func screen(_ app: inout DashboardDriver) -> String {
        app.dirty = true
        let frame = app.frame(width: 120, height: 30, now: now, uptime: moment.uptime, zone: TimeZone(identifier: "UTC")!)
        return frame.map { f in (0..<f.height).map { f.line($0) }.joined(separator: "\n") } ?? ""
    }

    func query(_ effects: [Effect]) -> (Int, ServerQuery)? {
        for case .run(let id, .query(let query), _) in effects { return (id, query) }
        return nil
    }

    /// The form's fields by key, then its submit button.
    func submitKeys(_ form: FormState) -> [Key] {
        Array(repeating: Key.tab, count: form.submitIndex - form.focus) + [.enter]
    }

    /// Opens `F` in `tab` and fills it by `fill` (keys per field key), then submits.
    func ask(_ app: inout DashboardDriver, tab: Character, _ fill: [(String, [Key])]) throws -> [Effect] {
        // The last query's waiting dialog, if it is still up, hides with Esc.
        if case .waiting? = app.ui.dialog { _ = app.handle(keys([.escape]), at: moment) }
        _ = app.handle(keys(typed(String(tab))), at: moment)
        _ = app.handle(keys(typed("F")), at: moment)
        guard case .form(let opened, .serverQuery)? = app.ui.dialog else {
            Issue.record("F opened no query form")
            return []
        }
        for (key, input) in fill {
            let index = try #require(opened.fields.firstIndex { $0.key == key }, "field \(key)")
            guard case .form(let form, _)? = app.ui.dialog else { return [] }
            let moves = (index - form.focus + form.fields.count + 2) % (form.fields.count + 2)
            _ = app.handle(keys(Array(repeating: .tab, count: moves) + [.control("u")] + input), at: moment)
        }
        guard case .form(let form, _)? = app.ui.dialog else { return [] }
        return app.handle(keys(submitKeys(form)), at: moment)
    }

    @Test func anOrdersQueryReplacesTheListUntilEscWhilePollsStayWhole() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: true) { _ in }
            let all = try await client.allOrders()
            await store.apply(.orders(all), at: now)
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            // Read-only mode: a query changes nothing, so it is sent.
            let effects = try ask(&app, tab: "4", [("status", [.right, .right]), ("from", typed("2020-01-01"))])
            let (id, sent) = try #require(query(effects))
            #expect(sent == .orders(OrderQuery(status: .paid, days: DayRange(from: ProviderDay("2020-01-01")))))
            let answer = try await sent.run(client)
            let paid = all.filter { $0.status == .paid }.count
            #expect(answer.count == paid && paid < all.count)
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(answer))))
            _ = app.handle(.snapshot(await store.current), at: moment)

            let shown = screen(&app)
            #expect(shown.contains("Server query: status paid · from 2020-01-01 · \(paid) rows"))
            #expect(shown.contains("Esc clear"))
            #expect(shown.contains("Orders \(paid) / \(paid)"))
            // The polled list is untouched: the store and the snapshot still hold every order.
            #expect(app.snapshot.orders.value?.count == all.count)
            #expect(await store.current.orders.value?.count == all.count)

            _ = app.handle(keys([.escape]), at: moment)
            let back = screen(&app)
            #expect(!back.contains("Server query:"))
            #expect(back.contains("Orders \(all.count) / \(all.count)"))
        }
    }

    @Test func aFailingQueryKeepsTheViewAndSaysWhy() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let all = try await client.allStaticIPs()
            await store.apply(.staticIPs(all), at: now)
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            let first = try ask(&app, tab: "3", [("ipType", [.right])])
            let (id, sent) = try #require(query(first))
            #expect(sent == .staticIPs(StaticIPFilter(productType: .staticDatacenterIP)))
            let answer = try await sent.run(client)
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(answer))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            #expect(screen(&app).contains("Server query: ip-type datacenter · \(answer.count) rows"))

            let second = try ask(&app, tab: "3", [("country", typed("zz"))])
            let (id2, sent2) = try #require(query(second))
            let refusal = ProxyLiteError(
                .badParameters, endpoint: "ip/get-static-ip", message: "参数错误", fieldErrors: ["country_code": ["无效"]])
            await store.record(Reply(id: id2, command: .query(sent2), outcome: .rejected(refusal)))
            _ = app.handle(.snapshot(await store.current), at: moment)
            let text = screen(&app)
            #expect(text.contains("Query failed"))
            #expect(text.contains("Server query: ip-type datacenter · \(answer.count) rows"), "the previous answer stays")
            // The pane's own Esc clears the query first, then the local filter.
            _ = app.handle(keys([.escape]), at: moment)
            #expect(!screen(&app).contains("Server query:"))
        }
    }

    @Test func eachPanesFormAsksItsFilters() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
        let orders = try ask(
            &app, tab: "4",
            [
                ("type", typed("1")), ("from", typed("2026-11-01")), ("to", typed("2026-11-29")), ("tradeNo", typed("2026112912")),
                ("invoice", [.right, .right]), ("payFee", [.right, .right]),
            ])
        #expect(
            query(orders)?.1
                == .orders(
                    OrderQuery(
                        productType: ProductType(11), days: DayRange(from: ProviderDay("2026-11-01"), to: ProviderDay("2026-11-29")),
                        tradeNo: "2026112912", invoice: .notInvoiced, payFeeStatus: .underpaid)))
        let ips = try ask(
            &app, tab: "3", [("country", typed("de")), ("ipType", [.left]), ("ipStatus", typed("e")), ("tradeNo", typed("77"))])
        #expect(
            query(ips)?.1
                == .staticIPs(StaticIPFilter(countryCode: "DE", productType: .staticResidentialIP, tradeNo: "77", status: .expiringSoon)))
        // Typing in a choice jumps to the next option starting with that character: 1, 1 is 11 then 12.
        let packages = try ask(&app, tab: "5", [("type", typed("11")), ("tradeNo", typed("55"))])
        #expect(query(packages)?.1 == .packages(PackageFilter(productType: ProductType(12), tradeNo: "55")))
        let flow = try ask(&app, tab: "2", [("type", typed("11")), ("from", typed("2026-10-01")), ("to", typed("2026-11-15"))])
        #expect(
            query(flow)?.1
                == .flow(
                    FlowQuery(
                        productType: .staticDatacenterIP, days: DayRange(from: ProviderDay("2026-10-01"), to: ProviderDay("2026-11-15")))
                ))
    }

    @Test func theFormRefusesDaysThatAreNotDaysOrRunBackwards() async throws {
        let store = Store(source: "t", readOnly: false) { _ in }
        var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
        #expect(query(try ask(&app, tab: "4", [("from", typed("2026-02-30"))])) == nil)
        guard case .form(let form, _)? = app.ui.dialog else { Issue.record("the form stays open"); return }
        #expect(form.message?.contains("not a day; write YYYY-MM-DD") == true)
        #expect(form.fields[form.focus].key == "from")
        _ = app.handle(keys([.escape]), at: moment)
        #expect(query(try ask(&app, tab: "4", [("from", typed("2026-11-29")), ("to", typed("2026-11-01"))])) == nil)
        guard case .form(let again, _)? = app.ui.dialog else { Issue.record("the form stays open"); return }
        #expect(again.message?.contains("before the start day") == true)
        // Letters cannot even be typed into a day.
        _ = app.handle(keys(typed("x")), at: moment)  // the focus is on the end day
        guard case .form(let typing, _)? = app.ui.dialog else { return }
        #expect(typing.message?.contains("YYYY-MM-DD") == true)
    }

    @Test func anAnswerForAnotherProfileOrAReplacedQueryIsDropped() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            await store.apply(.packages(try await client.allPackages()), at: now)
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            let (old, replaced) = try #require(query(try ask(&app, tab: "5", [("type", typed("11"))])))
            let (id, sent) = try #require(query(try ask(&app, tab: "5", [("tradeNo", typed("55"))])))
            #expect(sent == .packages(PackageFilter(productType: ProductType(12), tradeNo: "55")), "the form keeps the last query")
            // The first answer comes late, after the second query was asked: it is not shown.
            await store.record(Reply(id: old, command: .query(replaced), outcome: .done(.query(try await replaced.run(client)))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            #expect(!screen(&app).contains("Server query:"))
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(try await sent.run(client)))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            #expect(screen(&app).contains("Server query: type 12 · trade-no 55 · 0 rows"))
            // Another profile on screen: its account never answered this query.
            _ = app.handle(.snapshot(named("reseller", await store.current, now: now)), at: moment)
            #expect(!screen(&app).contains("Server query:"))
            #expect(app.ui.serverQueries.shown.isEmpty)
        }
    }

    @Test func aFlowQueryShowsEveryDayItAskedFor() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            let (id, sent) = try #require(
                query(try ask(&app, tab: "2", [("from", typed("2026-01-01")), ("to", typed("2026-02-14"))])))
            let answer = try await sent.run(client)
            #expect(answer.count == 45)
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(answer))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            let text = screen(&app)
            #expect(text.contains("Flow · 45 days queried"))
            #expect(text.contains("Server query: from 2026-01-01 · to 2026-02-14 · 45 days"))
        }
    }

    @Test func aQueryGivenUpWithEscIsNotShownWhenItsAnswerComes() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: true) { _ in }
            let all = try await client.allOrders()
            await store.apply(.orders(all), at: now)
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            let effects = try ask(&app, tab: "4", [("status", [.right, .right])])
            let (id, sent) = try #require(query(effects))
            guard case .waiting? = app.ui.dialog else {
                Issue.record("no waiting dialog after the query was sent")
                return
            }
            _ = app.handle(keys([.escape]), at: moment)
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(try await sent.run(client)))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            let shown = screen(&app)
            #expect(!shown.contains("Server query:"))
            #expect(shown.contains("Orders \(all.count) / \(all.count)"))
        }
    }

    @Test func marksOnStaticIPsGoWhenAQueryReplacesTheList() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let all = try await client.allStaticIPs()
            await store.apply(.staticIPs(all), at: now)
            var app = DashboardDriver(ui: UIState(), snapshot: await store.current)
            _ = app.handle(keys(typed("3")), at: moment)
            _ = app.handle(keys(typed("*")), at: moment)
            #expect(app.ui.ipMarks.count == all.count)
            let effects = try ask(&app, tab: "3", [("ipType", [.right])])
            let (id, sent) = try #require(query(effects))
            await store.record(Reply(id: id, command: .query(sent), outcome: .done(.query(try await sent.run(client)))))
            _ = app.handle(.snapshot(await store.current), at: moment)
            #expect(screen(&app).contains("Server query:"))
            // Marks made on the polled list would renew rows the answer may not show.
            #expect(app.ui.ipMarks.isEmpty)
        }
    }
}

/// Counts up, for a monotonic clock that moves on each time it is read.
final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }

}
