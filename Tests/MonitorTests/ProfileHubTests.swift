import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

/// The hub between the profiles' stores and the screen: the active profile's snapshot with every
/// profile's overview row, versions that never repeat across profiles, and a switch.
@Suite struct ProfileHubTests {
    final class Posts: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Snapshot] = []
        private var heard: [String] = []
        func post(_ snapshot: Snapshot) { lock.withLock { items.append(snapshot) } }
        func hear(_ name: String) { lock.withLock { heard.append(name) } }
        var all: [Snapshot] { lock.withLock { items } }
        var names: [String] { lock.withLock { heard } }
    }

    func snapshot(version: Int, source: String, left: Int64? = nil) -> Snapshot {
        var snapshot = Snapshot(source: source)
        snapshot.version = version
        if let left {
            var summary = Fixtures.summary()
            summary.effectiveBytes = left
            snapshot.summary = ResourceState(value: summary, fetchedAt: Date())
        }
        return snapshot
    }

    @Test func theScreenGetsTheActiveProfileAndEveryRow() {
        let posts = Posts()
        let hub = ProfileHub(
            members: [.init(name: "a", colour: "cyan"), .init(name: "b")], toScreen: posts.post,
            toListeners: { name, _ in posts.hear(name) })
        hub.publisher(for: "b")(snapshot(version: 1, source: "B", left: 2_000))
        hub.publisher(for: "a")(snapshot(version: 1, source: "A", left: 1_000))
        let last = posts.all.last!
        #expect(last.source == "A" && last.profiles.active == "a" && last.profiles.activeColour == "cyan")
        #expect(last.profiles.rows.map(\.name) == ["a", "b"])
        #expect(last.profiles.rows.map(\.trafficLeftBytes) == [1_000, 2_000])
        #expect(last.profiles.isSeveral)
        // The other profile's poll still reaches the screen (its row changed), as the active profile's data.
        #expect(posts.all.first!.source != "B")
        #expect(posts.names == ["b", "a"])
    }

    @Test func versionsGrowAcrossASwitchAndOnlyWhenTheShownDataChange() {
        let posts = Posts()
        let hub = ProfileHub(members: [.init(name: "a"), .init(name: "b")], toScreen: posts.post)
        hub.publisher(for: "a")(snapshot(version: 5, source: "A"))
        let first = posts.all.last!.version
        // b's poll changes only the rows: the version on screen stays, so cached lists stay valid.
        hub.publisher(for: "b")(snapshot(version: 5, source: "B"))
        #expect(posts.all.last!.version == first)
        #expect(hub.activate("b"))
        let switched = posts.all.last!
        #expect(switched.source == "B" && switched.profiles.active == "b")
        // b's store is at version 5 too: the screen must still see a new version.
        #expect(switched.version > first)
        hub.publisher(for: "b")(snapshot(version: 6, source: "B"))
        #expect(posts.all.last!.version > switched.version)
        #expect(!hub.activate("c"))
        #expect(hub.activeName == "b")
    }

    @Test func theOverviewCountsExpiriesWithinTheProfilesWindows() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var snapshot = Snapshot(source: "A")
        let soon = now.addingTimeInterval(2 * 86_400)
        let later = now.addingTimeInterval(20 * 86_400)
        let past = now.addingTimeInterval(-86_400)
        snapshot.packages = ResourceState(
            value: [soon, later, past].enumerated().map { index, date in
                let text = APIDate.providerString(date, offset: 8 * 3600)
                return Fixtures.decode(PurchasedPackage.self, #"{"id":\#(index + 1),"product_type":9,"expired_at":"\#(text)"}"#)
            }, fetchedAt: now)
        let row = ProfileOverview(name: "a", colour: nil, snapshot: snapshot, now: now, packageDays: 7, staticIPDays: 3)
        #expect(row.expiringPackages == 1)
        #expect(row.expiringIPs == nil)  // not polled yet: unknown, not none
        #expect(row.trafficLeftBytes == nil)
    }
}
