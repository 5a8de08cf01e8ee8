import Foundation
import TestSupport
import Testing

@testable import Monitor

@Suite struct RateWindowTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func theRateSpansTheLastFifteenMinutes() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        // 1 MB a minute for 30 minutes, then 10 MB a minute.
        var mb = 0.0
        for minute in 0...40 {
            mb += minute <= 30 ? 1 : 10
            await store.apply(
                .accounts([Fixtures.account("a", usageGB: mb / 1024, limitGB: 100)]), at: t0.addingTimeInterval(Double(minute) * 60),
                monotonic: Double(minute) * 60)
        }
        let rate = await store.current.accounts.value?.first?.rate ?? 0
        // Ten minutes at 10 MB/min inside a window of 10 to 15 minutes: well above 1 MB/min, below 10.
        #expect(rate > 6 * 1_048_576 / 60 && rate <= 10 * 1_048_576 / 60, "\(rate)")
        #expect(await store.rateSampleCount <= 5)
    }

    /// An account that is no longer listed is forgotten (its samples go), one listed again starts
    /// over, and a name listed twice has no rate while it is; the others keep theirs.
    @Test func unlistedAccountsAreForgottenAndTwiceListedNamesHaveNoRate() async {
        let store = Store(source: "test", readOnly: false) { _ in }
        func poll(_ minute: Int, _ names: [String]) async {
            let accounts = names.map { Fixtures.account($0, usageGB: Double(minute) / 1024, limitGB: 100) }
            await store.apply(.accounts(accounts), at: t0.addingTimeInterval(Double(minute) * 60), monotonic: Double(minute) * 60)
        }
        for minute in 0...5 { await poll(minute, ["a", "b", "c"]) }
        #expect(await store.rateSampleCount == 6)
        await poll(6, ["a", "b"])
        #expect(await store.rateSampleCount == 6)  // a and b: anchors at 0 and 5 minutes, and the newest
        await poll(7, ["a", "b", "c", "b"])
        let rows = await store.current.accounts.value ?? []
        #expect(rows[0].rate.map { abs($0 - 1_048_576.0 / 60) < 1 } == true, "\(String(describing: rows[0].rate))")
        #expect(rows[1].rate == nil && rows[3].rate == nil)
        #expect(rows[2].rate == nil)
        // Listed once again, it has a rate again a minute later.
        await poll(8, ["a", "b", "c"])
        #expect(await store.current.accounts.value?[1].rate.map { abs($0 - 1_048_576.0 / 60) < 1 } == true)
    }

    @Test func seededSamplesGiveARateOnTheFirstPoll() async {
        let clock = MonotonicBox(5_000)
        let store = Store(source: "test", readOnly: false, monotonic: { clock.value }) { _ in }
        let mb: Int64 = 1_048_576
        // The history's samples, in wall-clock seconds: two and one minutes ago, and one too old to use.
        let now = t0
        let wall = Int64(now.timeIntervalSince1970)
        await store.seedRates(
            ["a": [(wall - 3600, 0), (wall - 120, 100 * mb), (wall - 60, 130 * mb)]], wallNow: now)
        await store.apply(.accounts([Fixtures.account("a", usageGB: 160.0 / 1024, limitGB: 100)]), at: now, monotonic: 5_000)
        let rate = await store.current.accounts.value?.first?.rate
        #expect(rate.map { abs($0 - Double(60 * mb) / 120) < 1 } == true, "\(String(describing: rate))")
    }

    @Test func seedsOutsideTheWindowGiveNoRate() async {
        let store = Store(source: "test", readOnly: false, monotonic: { 100 }) { _ in }
        let wall = Int64(t0.timeIntervalSince1970)
        await store.seedRates(["a": [(wall - 1_000, 1)]], wallNow: t0)
        await store.apply(.accounts([Fixtures.account("a", usageGB: 1, limitGB: 100)]), at: t0, monotonic: 100)
        #expect(await store.current.accounts.value?.first?.rate == nil)
    }
}

final class MonotonicBox: @unchecked Sendable {
    let value: Double
    init(_ value: Double) { self.value = value }
}
