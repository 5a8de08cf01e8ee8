import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport

/// Two watched profiles as the profile hub puts them on screen: `main` (magenta; alpha and beta,
/// with a summary) and `reseller` (cyan; shop1 to shop3, nothing else polled yet). The two
/// accounts share no name, so that an action that reaches the wrong one shows.
struct TwoProfiles {
    let main: Snapshot
    let reseller: Snapshot
}

/// What the hub last sent to the screen.
private final class ScreenFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: Snapshot?
    func post(_ snapshot: Snapshot) { lock.withLock { latest = snapshot } }
    var last: Snapshot { lock.withLock { latest! } }
}

func twoProfiles(at now: Date, resellerReadOnly: Bool = false) async -> TwoProfiles {
    let feed = ScreenFeed()
    let hub = ProfileHub(
        members: [.init(name: "main", colour: "magenta"), .init(name: "reseller", colour: "cyan")], now: { now },
        toScreen: { feed.post($0) })
    let main = Store(source: "api.proxylite.com", readOnly: false, publish: hub.publisher(for: "main"))
    let reseller = Store(source: "api.example-brand.com", readOnly: resellerReadOnly, publish: hub.publisher(for: "reseller"))
    await main.apply(
        .accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 5)]), at: now)
    await main.apply(.summary(Fixtures.summary()), at: now)
    await reseller.apply(.accounts(["shop1", "shop2", "shop3"].map { Fixtures.account($0, usageGB: 2, limitGB: 20) }), at: now)
    let onMain = feed.last
    hub.activate("reseller")
    return TwoProfiles(main: onMain, reseller: feed.last)
}

/// `snapshot` as the hub would show it for a profile named `name`, alone or among `others`.
func named(_ name: String, colour: String? = nil, _ snapshot: Snapshot, others: [String] = [], now: Date) -> Snapshot {
    var snapshot = snapshot
    let own = ProfileOverview(name: name, colour: colour, snapshot: snapshot, now: now)
    snapshot.profiles = ProfileRoster(
        active: name, activeColour: colour, rows: [own] + others.map { ProfileOverview(name: $0, source: "elsewhere") })
    return snapshot
}
