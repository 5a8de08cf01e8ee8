import Foundation

/// One day's traffic from user-usage-flow/total.
public struct DailyFlow: Sendable, Hashable, Decodable {
    /// The day as the provider names it, `2022-08-01` (provider local date).
    public var day: String
    public var bytes: Int64
    /// Fields that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    public init(day: String, bytes: Int64) {
        self.day = day
        self.bytes = bytes
    }

    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        day = String((c.string("day") ?? "").prefix(10))
        bytes = ByteUnits.fromKB(c.count("flow") ?? 0)
        unreadable = c.unreadable
    }
}

extension DailyFlow: PlaceholderRow {
    static func unreadableRow() -> DailyFlow {
        var row = DailyFlow(day: "", bytes: 0)
        row.unreadable = UnreadableFields(["row"])
        return row
    }
}
