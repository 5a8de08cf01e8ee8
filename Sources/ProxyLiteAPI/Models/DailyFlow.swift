import Foundation

/// One day's traffic from user-usage-flow/total.
public struct DailyFlow: Sendable, Hashable, Decodable {
    /// The day as the provider names it, `2022-08-01` (provider local date).
    public var day: String
    public var bytes: Int64

    public init(day: String, bytes: Int64) {
        self.day = day
        self.bytes = bytes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        day = String((try c.string("day") ?? "").prefix(10))
        bytes = ByteUnits.fromKB(try c.int64("flow") ?? 0)
    }
}
