import Foundation

/// What the provider's reference (and its behaviour) fixes, in one place: the dashboard, the
/// forms and the store take these numbers from here rather than each keeping its own.
public enum ProviderFacts {
    /// Deletes, disables and password changes take effect up to this long after they are accepted.
    public static let applyDelay: TimeInterval = 300
    /// Usage figures lag up to this long behind the traffic.
    public static let usageLag: TimeInterval = 300
    /// The largest traffic limit, in GB (`limit_flow`: "max 102400").
    public static let maxLimitGB = 102_400
    /// A pending change not yet shown by a poll after this long is a warning: twice the apply delay.
    public static let pendingOverdueAfter: TimeInterval = 2 * applyDelay
    /// A pending change no poll has shown after this long is dropped (and logged).
    public static let pendingGivenUpAfter: TimeInterval = 3600
}
