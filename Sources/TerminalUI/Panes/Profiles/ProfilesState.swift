import Foundation
import Monitor
import ProxyLiteAPI

/// The Profiles pane's table, and which profile the rest of the UI state is about.
public struct ProfilesState: Sendable {
    public var table = TableState()
    /// The profile of the last snapshot the UI saw; nil until one arrived.
    public internal(set) var shown: String?
    /// What each profile left behind when another was shown, by name (see `ProfileBelongings`).
    var parked: [String: ProfileBelongings] = [:]

    public init() {}
}

/// What belongs to one profile's account and must outlive a visit to another profile: neither
/// applies to the other account, and dropping them would lose a safeguard on coming back.
struct ProfileBelongings: Sendable {
    /// An order whose creation got no answer: creating another there waits until its orders are seen.
    var unsettled: UnsettledOrder?
    /// That provider asked for a code to remove whitelisted IPs.
    var whitelistDeletesNeedCode = false
    /// Endpoints extracted from that account, and the extraction form as it was filled in.
    var extraction = ExtractionState()
}
