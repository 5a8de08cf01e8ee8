import Foundation
import ProxyLiteAPI

/// Times and durations as the dashboard writes them.
public enum TimeText {
    /// `14:05:09` in `zone`.
    public static func clock(_ date: Date, zone: TimeZone) -> String {
        let seconds = localSeconds(date, zone: zone)
        let s = ((seconds % 86_400) + 86_400) % 86_400
        return two(s / 3600) + ":" + two(s % 3600 / 60) + ":" + two(s % 60)
    }

    /// `14:05` in `zone`: a time that changes once a minute, for text redrawn after every poll.
    public static func minute(_ date: Date, zone: TimeZone) -> String {
        let seconds = localSeconds(date, zone: zone)
        let s = ((seconds % 86_400) + 86_400) % 86_400
        return two(s / 3600) + ":" + two(s % 3600 / 60)
    }

    /// `2026-11-29` in `zone`; "never" for the provider's far-future dates (`Date.isNever`).
    public static func day(_ date: Date, zone: TimeZone) -> String {
        if date.isNever { return "never" }
        let seconds = localSeconds(date, zone: zone)
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let (y, m, d) = civil(days)
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// `20261129-140509` in local time, for file names.
    public static func fileStamp(_ date: Date, zone: TimeZone = .current) -> String {
        day(date, zone: zone).replacingOccurrences(of: "-", with: "") + "-"
            + clock(date, zone: zone).replacingOccurrences(of: ":", with: "")
    }

    /// A coarse age: `12s`, `4m`, `3h`, `2d`. Coarse on purpose: it changes rarely, so a stale
    /// header costs a few bytes a minute rather than a redraw every second.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(clamping: seconds))
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }

    /// A span to the minute: `3d 4h`, `5h 10m`, `12m`, `<1m`.
    public static func span(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let s = max(0, Int(clamping: seconds))
        if s < 60 { return "<1m" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        if s < 100 * 86_400 { return "\(s / 86_400)d \(s % 86_400 / 3600)h" }
        return "\(s / 86_400)d"
    }

    /// Seconds since 1970 in `zone`, for any Date: clamped to ±100 000 years so that a date from
    /// the API cannot overflow the arithmetic (an overflow traps and ends the dashboard).
    private static func localSeconds(_ date: Date, zone: TimeZone) -> Int {
        let t = date.timeIntervalSince1970
        let bounded = t.isNaN ? 0 : max(-3e15, min(3e15, t))
        return Int(clamping: bounded.rounded(.down)) + zone.secondsFromGMT(for: Date(timeIntervalSince1970: bounded))
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
