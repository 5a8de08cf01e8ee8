import Foundation

/// The time span of a daily-flow query. user-usage-flow/total counts from start_time, which is
/// in the provider's time (UTC+8 for ProxyLite): a start in the middle of a day would make the
/// oldest day partial, so a range of N days starts at the provider's midnight N−1 days ago.
public struct FlowRange: Sendable, Hashable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The last `days` whole provider days, today (up to `now`) included.
    public static func lastDays(_ days: Int, endingAt now: Date, providerOffset: Int) -> FlowRange {
        let offset = Double(providerOffset)
        let today = ((now.timeIntervalSince1970 + offset) / 86_400).rounded(.down)
        let first = today - Double(max(days, 1) - 1)
        return FlowRange(start: Date(timeIntervalSince1970: first * 86_400 - offset), end: now)
    }
}

extension ProxyLiteClient {
    /// user-usage-flow/total over `range`.
    public func dailyFlow(_ range: FlowRange, username: String? = nil) async throws -> [DailyFlow] {
        try await dailyFlow(from: range.start, to: range.end, username: username)
    }

    /// The last `days` whole provider days, in the client's provider offset.
    public func flowRange(lastDays days: Int, endingAt now: Date = Date()) -> FlowRange {
        FlowRange.lastDays(days, endingAt: now, providerOffset: configuration.profile.providerOffset)
    }
}
