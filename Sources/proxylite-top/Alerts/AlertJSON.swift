import Foundation
import Monitor
import ProxyLiteAPI

/// The alerts raised by one poll as one JSON array, what the hook reads on its stdin. Each alert
/// is an object with its keys always in this order: kind, subject, profile, value, threshold,
/// message, at (ISO 8601 with the local offset), state, id. Never the key or a password.
enum AlertJSON {
    static func document(_ alerts: [Alert], timeZone: TimeZone = .current) -> JSONValue {
        .array(
            alerts.map { alert in
                .object([
                    ("kind", .string(alert.kind.rawValue)),
                    ("subject", .string(alert.subject)),
                    ("profile", .string(alert.profile)),
                    ("value", .number(rounded(alert.value))),
                    ("threshold", .number(alert.threshold)),
                    ("message", .string(alert.message)),
                    ("at", .string(timestamp(alert.at, timeZone: timeZone))),
                    ("state", .string(alert.state.rawValue)),
                    ("id", .integer(alert.id)),
                ])
            })
    }

    /// The array, compact, on one line ending in a newline.
    static func bytes(_ alerts: [Alert], timeZone: TimeZone = .current) -> [UInt8] {
        document(alerts, timeZone: timeZone).serialized() + [UInt8(ascii: "\n")]
    }

    /// `2026-11-29T14:05:09+01:00`: to the second, with the zone's offset at that moment (`+00:00`, never `Z`).
    static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let year = String(c.year ?? 1970)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(c.month))-\(two(c.day))"
            + "T\(two(c.hour)):\(two(c.minute)):\(two(c.second))\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) % 3600 / 60))"
    }

    /// Four decimals are plenty for a person and a script, and hide the float noise of a division.
    private static func rounded(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e12 else { return value }
        return (value * 10_000).rounded() / 10_000
    }
}
