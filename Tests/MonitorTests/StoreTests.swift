import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

/// The store, fed outcomes at chosen times: stale marking, recovery, rates, bounded memory.
@Suite struct StoreTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let failure = ProxyLiteError(.httpStatus(503), endpoint: "whitelist-account/list", message: "HTTP 503")

    @Test func failureKeepsTheLastGoodDataAndMarksItStale() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("a1")]), at: t0)
        #expect(await store.current.connection == .live)
        await store.apply(.failed(.accounts, failure), at: t0.addingTimeInterval(30), nextAttempt: t0.addingTimeInterval(35))
        let snapshot = await store.current
        #expect(snapshot.accounts.value?.count == 1)
        #expect(snapshot.accounts.isStale)
        #expect(snapshot.connection == .stale(since: t0, reason: "HTTP 503"))
        #expect(snapshot.accounts.failingSince == t0.addingTimeInterval(30))
        // Recovery clears the mark with no user action.
        await store.apply(.accounts([Fixtures.account("a1")]), at: t0.addingTimeInterval(40))
        #expect(await store.current.connection == .live)
        #expect(await store.current.accounts.lastError == nil)
    }

    @Test func nothingYetAndFailingIsOfflineWithTheRetryTime() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        #expect(await store.current.connection == .connecting)
        let retry = t0.addingTimeInterval(5)
        await store.apply(.failed(.accounts, failure), at: t0, nextAttempt: retry)
        #expect(await store.current.connection == .offline(retryAt: retry, reason: "HTTP 503"))
    }

    @Test func ratesComeFromTheChangeBetweenPolls() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1, limitGB: 2)]), at: t0, monotonic: 100)
        #expect(await store.current.accounts.value?.first?.rate == nil)
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1.5, limitGB: 2)]), at: t0.addingTimeInterval(512), monotonic: 612)
        let row = await store.current.accounts.value!.first!
        // 0.5 GB in 512 s = 1 MiB/s; 0.5 GB left = 512 s to the limit.
        #expect(row.rate == Double(1_048_576))
        #expect(row.secondsToLimit == Double(512))
    }

    @Test func theWallClockCannotMakeASpikeAndALongGapGivesNoRate() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1, limitGB: 2)]), at: t0, monotonic: 100)
        // Two polls 30 s apart are too close for a rate (at least a minute between samples).
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1.005, limitGB: 2)]), at: t0.addingTimeInterval(30), monotonic: 130)
        #expect(await store.current.accounts.value?.first?.rate == nil)
        // The wall clock stepped back 85 s between two polls 90 s apart: the rate is over 90 s.
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1.01, limitGB: 2)]), at: t0.addingTimeInterval(5), monotonic: 190)
        let rate = await store.current.accounts.value?.first?.rate
        #expect(rate.map { abs($0 / (0.01 * 1_073_741_824 / 90) - 1) < 0.01 } == true, "\(String(describing: rate))")
        // Eight hours asleep: no rate yet, rather than an average over the night.
        await store.apply(
            .accounts([Fixtures.account("a1", usageGB: 1.9, limitGB: 2)]), at: t0.addingTimeInterval(28_800), monotonic: 28_930)
        #expect(await store.current.accounts.value?.first?.rate == nil)
        await store.apply(
            .accounts([Fixtures.account("a1", usageGB: 1.91, limitGB: 2)]), at: t0.addingTimeInterval(28_860), monotonic: 28_990)
        #expect(await store.current.accounts.value?.first?.rate != nil)
    }

    @Test func aUsageDropResetsTheRate() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 5)]), at: t0)
        await store.apply(.accounts([Fixtures.account("a1", usageGB: 1)]), at: t0.addingTimeInterval(30))
        #expect(await store.current.accounts.value?.first?.rate == nil)
    }

    @Test func historyStaysBoundedHoweverLongItRuns() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        for i in 0..<500 {
            let accounts = (0..<20).map { Fixtures.account("u\($0)", usageGB: Double(i) * 0.01) }
            await store.apply(.accounts(accounts), at: t0.addingTimeInterval(Double(i) * 30), monotonic: Double(i) * 30)
        }
        // Anchors five minutes apart over the 15-minute window, and the newest: at most five each.
        let held = await store.rateSampleCount
        #expect(held >= 20 * 4 && held <= 20 * 5, "\(held)")
        // Accounts that disappear take their history with them.
        await store.apply(.accounts([Fixtures.account("u0", usageGB: 10)]), at: t0.addingTimeInterval(20_000), monotonic: 20_000)
        #expect(await store.rateSampleCount == 1)
    }

    @Test func everyChangeIsPublishedWithANewVersion() async {
        let versions = VersionLog()
        let store = Store(source: "test", readOnly: true) { versions.add($0.version) }
        await store.apply(.summary(Fixtures.summary()), at: t0)
        await store.apply(.orders([]), at: t0)
        #expect(versions.all == [1, 2])
        #expect(await store.current.readOnly)
    }
}

final class VersionLog: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ v: Int) { lock.withLock { values.append(v) } }
    var all: [Int] { lock.withLock { values } }
}
