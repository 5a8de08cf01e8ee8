/// What the monitor polls, each on its own interval.
public enum Resource: String, Sendable, Hashable, CaseIterable, Comparable {
    case accounts, summary, flow, staticIPs = "static_ips", orders

    public static func < (a: Resource, b: Resource) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!  // every case is in allCases
    }

    /// The name used in the config file's `[intervals]` table.
    public var configKey: String { rawValue }
}
