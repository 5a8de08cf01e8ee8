import Foundation
import GRDB
import Monitor
import ProxyLiteAPI

/// What the screen, the alerts and the `history` command read back. Every query is bounded by
/// the accounts asked for and the span shown.
extension HistoryDatabase {
    /// Each account's samples of the last `window` seconds, oldest first: a restarted dashboard
    /// starts its rates from them.
    public func recentSamples(within window: TimeInterval, now: Date) throws(HistoryError) -> [String: [(t: Int64, usage: Int64)]] {
        guard let series else { return [:] }
        let from = Int64(now.timeIntervalSince1970 - window)
        return try read { db in
            var result: [String: [(t: Int64, usage: Int64)]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.username, s.t, s.usage FROM sample s JOIN account a ON a.id = s.account
                    WHERE a.series = ? AND s.t >= ? ORDER BY s.account, s.t
                    """, arguments: [series, from])
            while let row = try rows.next() { result[row[0], default: []].append((row[1], row[2])) }
            return result
        }
    }

    /// When the key's newest sample was written (its last successful accounts poll).
    public func lastSampleTime() throws(HistoryError) -> Date? {
        guard let series else { return nil }
        return try read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT s.t FROM sample s JOIN account a ON a.id = s.account WHERE a.series = ? ORDER BY s.t DESC LIMIT 1",
                arguments: [series])
        }.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Usage added in each of the last 24 hours (the current one last), for `usernames`.
    public func sparklines(for usernames: [String], now: Date) throws(HistoryError) -> [String: [Int64]] {
        guard let series, !usernames.isEmpty else { return [:] }
        let t = Int64(now.timeIntervalSince1970)
        let first = t - t % 3600 - 23 * 3600
        return try read { db in
            var result: [String: [Int64]] = [:]
            let statement = try db.cachedStatement(
                sql: """
                    SELECT b.t, b.delta FROM bucket1h b JOIN account a ON a.id = b.account
                    WHERE a.series = ? AND a.username = ? AND b.t >= ?
                    """)
            for name in usernames {
                var points = [Int64](repeating: 0, count: 24)
                let rows = try Row.fetchCursor(statement, arguments: [series, name, first])
                while let row = try rows.next() {
                    let index = Int((row[0] as Int64 - first) / 3600)
                    if points.indices.contains(index) { points[index] = points[index].addingSaturated(row[1]) }
                }
                result[name] = points
            }
            return result
        }
    }

    /// `username`'s 5-minute buckets over the last 24 hours and 7 days.
    public func intraday(_ username: String, now: Date) throws(HistoryError) -> Intraday? {
        guard let series else { return nil }
        let t = Int64(now.timeIntervalSince1970)
        let weekStart = t - t % 300 - (2016 - 1) * 300
        return try read { db in
            var week = [Int64](repeating: 0, count: 2016)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT b.t, b.delta FROM bucket5m b JOIN account a ON a.id = b.account
                    WHERE a.series = ? AND a.username = ? AND b.t >= ?
                    """, arguments: [series, username, weekStart])
            while let row = try rows.next() {
                let index = Int((row[0] as Int64 - weekStart) / 300)
                if week.indices.contains(index) { week[index] = week[index].addingSaturated(row[1]) }
            }
            return Intraday(
                username: username, start: Date(timeIntervalSince1970: TimeInterval(weekStart)),
                day: Array(week.suffix(288)), week: week)
        }
    }

    /// Each account's median hourly rate (bytes/s) over the last 7 days, for accounts recorded for
    /// at least 24 hours. Hours without a bucket used nothing: they count as 0.
    public func norms(now: Date) throws(HistoryError) -> [String: Double] {
        guard let series else { return [:] }
        let t = Int64(now.timeIntervalSince1970)
        let from = t - t % 3600 - 7 * 86_400
        return try read { db in
            var result: [String: Double] = [:]
            // Typed as read, not kept as GRDB rows: 100 000 of those are 10 MB.
            var firstSeen: [(id: Int64, username: String, since: Int64)] = []
            let accounts = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.id, a.username, a.first_seen FROM account a WHERE a.series = ?
                    """, arguments: [series])
            while let row = try accounts.next() { firstSeen.append((row[0], row[1], row[2])) }
            let statement = try db.cachedStatement(sql: "SELECT delta FROM bucket1h WHERE account = ? AND t >= ? AND t < ?")
            let currentHour = t - t % 3600
            for row in firstSeen {
                let since = row.since
                guard t - since >= 86_400 else { continue }
                let start = max(from, since - since % 3600)
                let hours = Int((currentHour - start) / 3600)
                guard hours > 0 else { continue }
                var deltas = try Int64.fetchAll(statement, arguments: [row.id, start, currentHour])
                deltas += [Int64](repeating: 0, count: max(0, hours - deltas.count))
                deltas.sort()
                let middle = deltas.count / 2
                let median = deltas.count % 2 == 1 ? Double(deltas[middle]) : (Double(deltas[middle - 1]) + Double(deltas[middle])) / 2
                result[row.username] = median / 3600
            }
            return result
        }
    }

    /// Account-wide use per second over the last 24 hours, from what all sub-accounts added; nil
    /// with less than an hour recorded.
    public func dailyRate(now: Date) throws(HistoryError) -> Double? {
        guard let series else { return nil }
        let t = Int64(now.timeIntervalSince1970)
        let windowStart = t - 86_400
        let firstHour = windowStart - windowStart % 3600
        return try read { db in
            // Only the time some dashboard was polling counts: hours it was not running used
            // unknown amounts, not nothing.
            let polled = try Int64.fetchAll(
                db, sql: "SELECT t FROM api_health WHERE series = ? AND resource = 'accounts' AND ok > 0 AND t >= ?",
                arguments: [series, firstHour])
            let covered = polled.reduce(Int64(0)) { $0 + max(0, min($1 + 3600, t) - max($1, windowStart)) }
            guard covered >= 3600 else { return nil }
            let used =
                try Int64.fetchOne(
                    db, sql: "SELECT coalesce(sum(delta), 0) FROM account_hourly WHERE series = ? AND t >= ?",
                    arguments: [series, firstHour]) ?? 0
            return Double(used) / Double(covered)
        }
    }
}

/// Traffic left against the last 24 hours' rate.
public enum Projection {
    public static func make(summary: PackageSummary, ratePerSecond: Double?, now: Date) -> TrafficProjection {
        let left = summary.effectiveBytes
        var runsOut: Date?
        var unused: Int64?
        if let rate = ratePerSecond, rate > 0 {
            runsOut = now.addingTimeInterval(Double(left) / rate)
            let willUse = rate * 7 * 86_400
            if Double(summary.expiringBytes) > willUse { unused = summary.expiringBytes - Int64(willUse) }
        } else if ratePerSecond != nil, summary.expiringBytes > 0 {
            unused = summary.expiringBytes
        }
        return TrafficProjection(leftBytes: left, ratePerSecond: ratePerSecond, runsOutAt: runsOut, expiringUnused: unused)
    }
}
