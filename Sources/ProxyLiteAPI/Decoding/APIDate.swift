import Foundation

/// The two date formats the API mixes: `2022-05-13 12:14:15` (provider local time, no zone) and
/// ISO 8601 (`2019-08-24T14:15:22Z`, optional fraction and offset). Also a bare `2022-08-01`.
///
/// Parsed by hand: a list of 100 000 accounts carries 100 000 dates, and DateFormatter and
/// Calendar are two orders of magnitude slower than the arithmetic below.
public enum APIDate {
    /// 2100-01-01T00:00:00Z. The provider writes far-future dates (2199-01-01, 9999-12-31) for
    /// "never expires"; every date at or after this one reads as exactly this one, and shows as
    /// "never" (`Date.isNever`). Keeping dates below it also keeps every day count, sum and
    /// conversion derived from them far from any integer limit.
    public static let never = Date(timeIntervalSince1970: 4_102_444_800)
    static let neverYear = 2100

    /// Seconds since 1970 as a date, far-future ones as `never`.
    static func bounded(seconds: Int64) -> Date {
        seconds >= 4_102_444_800 ? never : Date(timeIntervalSince1970: Double(seconds))
    }

    /// Parses `text`; zone-less forms are read in `providerOffset` seconds east of UTC.
    /// Returns nil for the provider's "no date" spellings (empty, zero dates, "-"), `never` for
    /// year 2100 and later.
    /// - Throws: `APIDate.Invalid` when the text is none of the known forms or no real day
    ///   (month 13, day 0, 2026-02-30).
    public static func parse(_ text: String, providerOffset: Int) throws(Invalid) -> Date? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty || text == "-" || text.hasPrefix("0000-00-00") { return nil }
        guard bytes.count >= 10, let year = digits(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = digits(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let day = digits(bytes, 8, 2),
            (1...12).contains(month), (1...daysIn(month, of: year)).contains(day)
        else { throw Invalid(text: text) }
        var seconds = 0
        var offset = providerOffset
        var index = 10
        if bytes.count > 10 {
            let separator = bytes[10]
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T"), bytes.count >= 19,
                let h = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let m = digits(bytes, 14, 2),
                bytes[16] == UInt8(ascii: ":"), let s = digits(bytes, 17, 2), h < 24, m < 60, s < 61
            else { throw Invalid(text: text) }
            seconds = h * 3600 + m * 60 + s
            index = 19
            var fraction = 0.0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                var scale = 0.1
                index += 1
                while index < bytes.count, let d = digit(bytes[index]) {
                    fraction += Double(d) * scale
                    scale /= 10
                    index += 1
                }
            }
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    offset = 0
                    index += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                    guard let oh = digits(bytes, index + 1, 2) else { throw Invalid(text: text) }
                    var om = 0
                    var next = index + 3
                    if next < bytes.count, bytes[next] == UInt8(ascii: ":") { next += 1 }
                    if next < bytes.count {
                        guard let parsed = digits(bytes, next, 2) else { throw Invalid(text: text) }
                        om = parsed
                        next += 2
                    }
                    offset = sign * (oh * 3600 + om * 60)
                    index = next
                default: throw Invalid(text: text)
                }
            }
            guard index == bytes.count else { throw Invalid(text: text) }
            // Far future: "never", whatever the time of day or zone says.
            if year >= neverYear { return never }
            let days = daysFromCivil(year: year, month: month, day: day)
            return Date(timeIntervalSince1970: Double(days * 86_400 + seconds - offset) + fraction)
        }
        if year >= neverYear { return never }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 - offset))
    }

    /// Formats `date` the way the provider writes zone-less dates, in `offset` seconds east of UTC.
    public static func providerString(_ date: Date, offset: Int, dateOnly: Bool = false) -> String {
        // Clamped to ±100 000 years so that no Date, however built, can overflow what follows.
        let seconds = max(-3e15, min(3e15, date.timeIntervalSince1970.isNaN ? 0 : date.timeIntervalSince1970))
        let total = Int(clamping: seconds.rounded(.down)) + offset
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secs = total - days * 86_400
        let (y, m, d) = civilFromDays(days)
        let datePart = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        if dateOnly { return datePart }
        return datePart + " " + pad(secs / 3600, 2) + ":" + pad(secs % 3600 / 60, 2) + ":" + pad(secs % 60, 2)
    }

    /// ISO 8601 in UTC with a Z, as the order endpoints write it.
    public static func isoString(_ date: Date) -> String {
        // Without Foundation's string search: 100 000 of these in one `snapshot --format json`.
        String(providerString(date, offset: 0).map { $0 == " " ? "T" : $0 }) + "Z"
    }

    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let text: String
        public var description: String { "not a date in a known format: \"\(text.prefix(40))\"" }
    }

    /// 28 to 31: the calendar refuses 2026-02-31 and 2026-04-31 as it refuses month 13.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Arithmetic (Howard Hinnant's civil-from-days algorithms)

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func digit(_ b: UInt8) -> Int? {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") ? Int(b - UInt8(ascii: "0")) : nil
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard let d = digit(bytes[i]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Date {
    /// Whether this is the provider's "never" (a date in 2100 or later); see `APIDate.never`.
    public var isNever: Bool { self >= APIDate.never }
}
