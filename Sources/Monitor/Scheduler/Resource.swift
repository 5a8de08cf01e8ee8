/// What the monitor polls, each on its own interval.
public enum Resource: String, Sendable, Hashable, CaseIterable, Comparable {
    case accounts, summary, flow, staticIPs = "static_ips", orders
    /// Polled only once the user has opened the pane that shows them.
    case packages, whitelist, catalogue, regions

    public static func < (a: Resource, b: Resource) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!  // every case is in allCases
    }

    /// The name used in the config file's `[intervals]` table.
    public var configKey: String { rawValue }

    /// Polled from the start; the rest wait until a pane asks for them, so that a user who never
    /// opens the catalogue never costs the provider a request for it.
    public static let polledFromStart = ResourceSpec.all.filter { !$0.onDemand }.map(\.resource)
}
