import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// 20 000 random keys through the real state machine and renderer (the 1 000 000-key run is
/// `proxylite-top benchmark fuzz-keys`). A failure names its seed and step: rerun it with that seed.
@Suite struct KeyFuzzTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Fixture data in a few states: everything, read-only, nothing yet, and offline.
    static func world() async -> KeyFuzz.World {
        let store = Store(source: "fuzz", readOnly: false) { _ in }
        let names = ["alpha", "beta", "shop1", "代理账户", "gamma", "delta"]
        await store.apply(.accounts(names.enumerated().map { Fixtures.account($1, usageGB: Double($0) * 3, limitGB: 10) }), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        await store.apply(
            .staticIPs([
                Fixtures.staticIP("198.51.100.1", expires: "2027-01-20 00:00:00"),
                Fixtures.staticIP("198.51.100.2", expires: "2027-03-01 00:00:00", id: 8),
            ]), at: now)
        await store.apply(.orders([Fixtures.order("T100", status: 1), Fixtures.order("T101", status: 2)]), at: now)
        await store.apply(
            .whitelist([
                Fixtures.decode(
                    WhitelistIP.self, #"{"ip":"203.0.113.10","remark":"office","product_type":9,"created_at":"2026-12-01 00:00:00"}"#)
            ]), at: now)
        let full = await store.current
        var readOnly = full
        readOnly.readOnly = true
        let quote = Fixtures.decode(
            OrderCheckResult.self,
            #"{"product_id":3,"amount":1,"discount_fee":0,"total_fee":9.5,"pay_fee":9.5,"product_type":14,"title":"Renewal","detail":"","ip_result":[{"ip":"198.51.100.1","price":9.5,"country_code":"US"}]}"#
        )
        return KeyFuzz.World(snapshots: [full, full, full, readOnly, Snapshot(source: "fuzz")], quote: quote)
    }

    @Test(arguments: [UInt64(1), 2])
    func twentyThousandKeysBreakNoInvariant(seed: UInt64) async throws {
        var fuzz = KeyFuzz(world: await Self.world(), seed: seed)
        let report = try fuzz.run(keys: 10_000)
        #expect(report.keys >= 10_000)
        #expect(report.frames > 1000)
        #expect(report.confirmationsSeen > 0, "\(report)")
        #expect(report.keysDroppedAsTypeAhead > 0, "\(report)")
        print(report)
    }

    /// Two profiles, one read-only: switches through the picker and the overview, snapshots of
    /// the profile shown, each profile's commands answered in its own snapshots; and no write
    /// goes to another profile than the confirmation on screen named.
    static func twoProfileWorld() async -> KeyFuzz.World {
        let one = await world()
        let full = one.snapshots[0]
        let rows = [
            ProfileOverview(name: "main", colour: "magenta", snapshot: full, now: now),
            ProfileOverview(name: "reseller", colour: "cyan", readOnly: true),
        ]
        func of(_ name: String, _ snapshot: Snapshot, readOnly: Bool = false) -> Snapshot {
            var snapshot = snapshot
            snapshot.profiles = ProfileRoster(active: name, activeColour: rows.first { $0.name == name }?.colour, rows: rows)
            if readOnly { snapshot.readOnly = true }
            return snapshot
        }
        return KeyFuzz.World(
            snapshots: [
                of("main", full), of("main", full), of("main", Snapshot(source: "fuzz")), of("reseller", full),
                of("reseller", full, readOnly: true), of("reseller", one.snapshots[4]),
            ], quote: one.quote)
    }

    @Test func twoProfilesBreakNoInvariant() async throws {
        var fuzz = KeyFuzz(world: await Self.twoProfileWorld(), seed: 3)
        let report = try fuzz.run(keys: 10_000)
        #expect(report.profileSwitches > 0, "\(report)")
        #expect(report.confirmationsSeen > 0 && report.writesSent > 0, "\(report)")
        print(report)
    }

    /// The witness itself: a write is let through only after its confirmation was on screen for
    /// 250 ms, and only to the profile it names.
    @Test func theWitnessCatchesWritesNotConfirmedOnScreen() {
        DisplayWidth.prepareLocale()
        let start = ContinuousClock.now
        let dialog = Dialog.confirm(
            ConfirmDialog(
                profile: "main", title: "Disable sub-accounts", lines: ["alpha"], confirmLabel: "Disable", command: .disable(["alpha"])))
        var frame = CellBuffer(width: 80, height: 24)
        frame.put("┌ profile main: Disable sub-accounts ┐", x: 10, y: 5, role: .dialog)
        var witness = WriteWitness()
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start) != nil)  // nothing shown
        witness.saw(CellBuffer(width: 80, height: 24), dialog: dialog, at: start)
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start + .seconds(1)) != nil)  // open, but not drawn
        var otherProfile = CellBuffer(width: 80, height: 24)
        otherProfile.put("┌ profile reseller: Disable sub-accounts ┐", x: 10, y: 5, role: .dialog)
        witness.saw(otherProfile, dialog: dialog, at: start)
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start + .seconds(1)) != nil)  // another profile's title
        witness.saw(frame, dialog: dialog, at: start)
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start + .milliseconds(249)) != nil)  // too soon
        #expect(witness.check(.disable(["beta"]), profile: "main", at: start + .seconds(1)) != nil)  // not the one shown
        #expect(witness.check(.disable(["alpha"]), profile: "reseller", at: start + .seconds(1)) != nil)  // not the profile named
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start + .milliseconds(250)) == nil)
        #expect(witness.check(.disable(["alpha"]), profile: "main", at: start + .seconds(2)) != nil)  // one confirmation, one write
    }
}
