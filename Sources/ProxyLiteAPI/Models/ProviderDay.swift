import Foundation

/// A calendar day in the provider's time zone, typed as `YYYY-MM-DD`. The list endpoints take
/// zone-less times that the provider reads in its own zone, so a day the user names means the
/// provider's midnight to midnight, wherever the dashboard runs.
public struct ProviderDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Exactly `YYYY-MM-DD`, a real day (no 2026-02-30), before 2100; nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
            let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }),
            (1970..<APIDate.neverYear).contains(year), (1...12).contains(month), (1...APIDate.daysIn(month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in the provider's zone (`offset` seconds east of UTC).
    public init(_ date: Date, offset: Int) {
        // providerString always writes a valid YYYY-MM-DD for dates this side of 2100.
        self = ProviderDay(APIDate.providerString(date, offset: offset, dateOnly: true)) ?? ProviderDay(unchecked: 1970, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The provider's midnight that starts the day.
    public func start(offset: Int) -> Date {
        Date(timeIntervalSince1970: Double(APIDate.daysFromCivil(year: year, month: month, day: day) * 86_400 - offset))
    }

    /// The provider's midnight that ends the day (the next day's start).
    public func end(offset: Int) -> Date { start(offset: offset).addingTimeInterval(86_400) }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: ProviderDay, b: ProviderDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// Whole provider days from `from` to `to`, both included; either may be open.
public struct DayRange: Sendable, Hashable, CustomStringConvertible {
    public var from: ProviderDay?
    public var to: ProviderDay?

    public init(from: ProviderDay? = nil, to: ProviderDay? = nil) {
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { from == nil && to == nil }

    /// Why the range cannot be asked for, or nil.
    public var problem: String? {
        if let from, let to, to < from { return "the end day \(to) is before the start day \(from)" }
        return nil
    }

    /// For order/list, whose start_time is inclusive and end_time exclusive: the first day's
    /// midnight and the midnight after the last day.
    public func orderBounds(offset: Int) -> (start: Date?, end: Date?) {
        (from?.start(offset: offset), to?.end(offset: offset))
    }

    /// For user-usage-flow/total, whose end_time is inclusive to the second: the first day's
    /// midnight and the last second of the last day.
    /// With only an end day, the start is the provider's default (7 days) counted back from that
    /// day rather than left to the provider, which might count back from today and so ask for a
    /// start after the end.
    public func flowBounds(offset: Int) -> (start: Date?, end: Date?) {
        let start = from?.start(offset: offset) ?? to.map { $0.start(offset: offset).addingTimeInterval(-6 * 86_400) }
        return (start, to.map { $0.end(offset: offset).addingTimeInterval(-1) })
    }

    /// `2026-11-01 … 2026-11-29`, `from 2026-11-01`, `to 2026-11-29`.
    public var description: String {
        switch (from, to) {
        case (let from?, let to?): return from == to ? "\(from)" : "\(from) … \(to)"
        case (let from?, nil): return "from \(from)"
        case (nil, let to?): return "to \(to)"
        case (nil, nil): return "any day"
        }
    }
}
