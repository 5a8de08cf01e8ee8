import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

/// Every watched kind measured on a snapshot: the values, the subjects, the plain-English
/// messages, and nothing for the kinds that are not set.
@Suite struct AlertConditionsTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let gb = 1024.0 * 1024 * 1024

    func snapshot(_ rows: [AccountRow] = []) -> Snapshot {
        var snapshot = Snapshot()
        snapshot.accounts = ResourceState(value: rows, fetchedAt: now)
        snapshot.accounts.fetchedMonotonic = 1_000
        return snapshot
    }

    func rules(_ pairs: [AlertKind: Double]) -> AlertRules { AlertRules(thresholds: pairs) }

    func observe(
        _ snapshot: Snapshot, _ pairs: [AlertKind: Double], norms: [String: Double] = [:], monotonic: Double = 1_000,
        started: Double = 0
    ) -> [AlertObservation] {
        AlertConditions.observe(
            snapshot, rules: rules(pairs), norms: norms, now: now, monotonic: monotonic, startedMonotonic: started)
    }

    @Test func usagePercentOfEachLimitedAccount() throws {
        let alice = AccountRow(account: Fixtures.account("alice", usageGB: 9.21, limitGB: 10), rate: nil)
        let bob = AccountRow(account: Fixtures.account("bob", usageGB: 1, limitGB: 0), rate: nil)  // unlimited
        let found = observe(snapshot([alice, bob]), [.usagePercent: 90])
        #expect(found.count == 1)
        let one = try #require(found.first)
        #expect(one.kind == .usagePercent && one.subject == "alice" && one.threshold == 90)
        #expect(abs(one.value - 92.1) < 0.01)
        #expect(one.isPastThreshold)
        #expect(one.message.contains("alice has used 92.1 % of its 10 GB limit"), "\(one.message)")
        #expect(!one.message.contains("secret99"))
    }

    @Test func onlyTheKindsSetAreWatched() {
        let alice = AccountRow(account: Fixtures.account("alice", usageGB: 9.5, limitGB: 10), rate: 1_000_000)
        #expect(observe(snapshot([alice]), [:]).isEmpty)
        let kinds = Set(observe(snapshot([alice]), [.hoursToLimit: 24]).map(\.kind))
        #expect(kinds == [.hoursToLimit])
    }

    @Test func hoursToLimitIsAbsentWithoutARate() throws {
        // 0.5 GB left at 1 MB/s (in binary units): 512 s.
        let fast = AccountRow(account: Fixtures.account("fast", usageGB: 9.5, limitGB: 10), rate: 1_048_576)
        let idle = AccountRow(account: Fixtures.account("idle", usageGB: 9.5, limitGB: 10), rate: nil)
        let found = observe(snapshot([fast, idle]), [.hoursToLimit: 24])
        let one = try #require(found.first)
        #expect(found.count == 1 && one.subject == "fast")
        #expect(abs(one.value - 512.0 / 3600) < 1e-6)
        #expect(one.isPastThreshold)
        #expect(one.message.contains("fast will reach its 10 GB limit in about 8 minutes"), "\(one.message)")
    }

    @Test func staticIPAndPackageDaysLeft() throws {
        var s = snapshot()
        // Two days after `now`, in the provider's +08:00.
        let inTwoDays = Date(timeInterval: 2 * 86_400, since: now)
        let text = APIDate.providerString(inTwoDays, offset: 8 * 3600)
        s.staticIPs = ResourceState(value: [Fixtures.staticIP("9.9.9.9", expires: text)], fetchedAt: now)
        s.packages = ResourceState(
            value: [
                Fixtures.decode(PurchasedPackage.self, #"{"id":41,"product_type":9,"expired_at":"\#(text)"}"#),
                Fixtures.decode(PurchasedPackage.self, #"{"id":0,"product_type":9,"expired_at":"\#(text)"}"#),
            ], fetchedAt: now)
        let found = observe(s, [.staticIPDays: 3, .packageDays: 7])
        let ip = try #require(found.first { $0.kind == .staticIPDays })
        #expect(ip.subject == "9.9.9.9:8000")
        #expect(abs(ip.value - 2) < 0.001 && ip.isPastThreshold)
        #expect(ip.message.contains("static IP 9.9.9.9:8000 expires in 2.0 days"), "\(ip.message)")
        #expect(!ip.message.contains("\"p\""))
        let packages = found.filter { $0.kind == .packageDays }
        #expect(packages.count == 1)  // the one without an identity is skipped
        #expect(packages.first?.subject == "41")
        #expect(packages.first?.message.contains("package 41 expires in 2.0 days") == true)
    }

    @Test func trafficLeftIsInGBAsTheProviderCounts() throws {
        var s = snapshot()
        s.summary = ResourceState(value: Fixtures.summary(), fetchedAt: now)  // effective 524 288 KB = 0.5 GB
        let one = try #require(observe(s, [.trafficLeft: 100]).first)
        #expect(one.subject == "account")
        #expect(abs(one.value - 0.5) < 1e-9)
        #expect(one.isPastThreshold)
        #expect(one.message.contains("512 MB of traffic left"), "\(one.message)")
        #expect(one.message.contains("below 100 GB"))
    }

    @Test func apiDownCountsFromTheLastSuccessOrTheStart() throws {
        let s = snapshot()  // accounts fetched at monotonic 1 000
        let down = try #require(observe(s, [.apiDown: 10], monotonic: 1_000 + 12 * 60).first)
        #expect(down.subject == "api" && abs(down.value - 12) < 1e-9 && down.isPastThreshold)
        #expect(down.message.contains("for 12 minutes"), "\(down.message)")
        let never = try #require(observe(Snapshot(), [.apiDown: 10], monotonic: 400, started: 100).first)
        #expect(abs(never.value - 5) < 1e-9 && !never.isPastThreshold)
        #expect(never.message.contains("since monitoring started 5 minutes ago"), "\(never.message)")
    }

    @Test func spikeNeedsANormAndTheFloor() throws {
        let norm = 10_000.0
        let busy = AccountRow(account: Fixtures.account("busy"), rate: 60_000)
        let new = AccountRow(account: Fixtures.account("new"), rate: 60_000)  // no norm yet
        let slow = AccountRow(account: Fixtures.account("slow"), rate: 100)  // under the floor
        let found = observe(snapshot([busy, new, slow]), [.spike: 5], norms: ["busy": norm, "slow": 1])
        let one = try #require(found.first)
        #expect(found.count == 1 && one.subject == "busy" && one.value == 6 && one.isPastThreshold)
        #expect(one.message.contains("6.0 times its usual"), "\(one.message)")
    }

    @Test func theRowMarkFollowsTheSameRuleAsTheAlert() {
        let busy = AccountRow(account: Fixtures.account("busy"), rate: 60_000)
        let calm = AccountRow(account: Fixtures.account("calm"), rate: 40_000)
        let new = AccountRow(account: Fixtures.account("new"), rate: 60_000)  // no norm yet
        let idle = AccountRow(account: Fixtures.account("idle"), rate: 60_000)  // a norm of 0
        let slow = AccountRow(account: Fixtures.account("slow"), rate: 100)  // under the floor
        let norms = ["busy": 10_000.0, "calm": 10_000, "idle": 0, "slow": 1]
        #expect(AlertConditions.spiking([busy, calm, new, idle, slow], norms: norms, factor: 5) == ["busy"])
    }

    @Test func unavailableKindsAreTheOnesNeverPolled() {
        var s = Snapshot()
        s.summary = ResourceState(value: Fixtures.summary(), fetchedAt: now)
        let kinds = AlertConditions.unavailableKinds(s, rules: rules([.usagePercent: 90, .trafficLeft: 1, .apiDown: 5]))
        #expect(kinds == [.usagePercent])
    }

    @Test func clearMarginIsTenPercentOnTheSafeSide() {
        func o(_ kind: AlertKind, _ value: Double) -> AlertObservation {
            AlertObservation(kind: kind, subject: "x", value: value, threshold: 100, message: "")
        }
        #expect(o(.usagePercent, 90).isClearOfThreshold && !o(.usagePercent, 90.5).isClearOfThreshold)
        #expect(!o(.usagePercent, 95).isPastThreshold && o(.usagePercent, 100).isPastThreshold)
        #expect(o(.trafficLeft, 110.5).isClearOfThreshold && !o(.trafficLeft, 109).isClearOfThreshold)
        #expect(o(.trafficLeft, 100).isPastThreshold && !o(.trafficLeft, 101).isPastThreshold)
    }
}
