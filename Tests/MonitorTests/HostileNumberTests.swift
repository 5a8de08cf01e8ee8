import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

/// Sizes, rates and times to the limit from numbers at the edge of Int64: shown, never trapped.
@Suite struct HostileNumberTests {
    @Test func byteFormatHandlesTheLimitsOfInt64() {
        #expect(ByteFormat.human(.max).hasSuffix("EB"))
        #expect(ByteFormat.human(.min).hasPrefix("-"))
        #expect(ByteFormat.rate(1e30).hasSuffix("/s"))
        #expect(ByteFormat.rate(.nan) == "0 B/s")
    }

    @Test func ratesAndTimesToTheLimitFromHugeUsageDoNotTrap() async {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let store = Store(source: "t", readOnly: false) { _ in }
        let small = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"a","usage_flow":1,"limit_flow":102400}"#)
        let huge = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"a","usage_flow":"9223372036854775807","limit_flow":102400}"#)
        await store.apply(.accounts([small]), at: now, monotonic: 0)
        await store.apply(.accounts([huge]), at: now.addingTimeInterval(60), monotonic: 60)
        let row = await store.current.accounts.value?.first
        #expect(row?.rate.map { $0 > 1e15 } == true)
        #expect(row?.secondsToLimit == 0)
        #expect((row?.usageFraction ?? 0) > 1)
    }

    @Test func anUnreadableUsageHasNoFractionAndNoTimeToTheLimit() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        let account = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"a","usage_flow":"NaN","limit_flow":10}"#)
        await store.apply(.accounts([account]), at: Date())
        let row = await store.current.accounts.value?.first
        #expect(row?.usageFraction == nil && row?.secondsToLimit == nil)
        #expect(row?.account.unreadable.names == ["usage_flow"])
    }
}
