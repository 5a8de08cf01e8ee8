import Foundation
import GRDB

/// One line of `proxylite-top history`.
public struct HistoryRow: Sendable, Equatable, Codable {
    public var time: Date
    /// Empty for the account-wide series.
    public var username: String
    public var usageBytes: Int64?
    public var deltaBytes: Int64
    public var rateBytesPerSecond: Double
}

/// The tier a span is read from: the finest one that still covers it.
public enum HistoryResolution: String, Sendable, CaseIterable {
    case raw, fiveMinutes = "5m", hourly = "1h"

    public static func covering(_ span: TimeInterval, retention: Retention = Retention()) -> HistoryResolution {
        if span <= retention.rawSamples { return .raw }
        if span <= retention.fiveMinute { return .fiveMinutes }
        return .hourly
    }
}

extension HistoryDatabase {
    /// `username`'s series since `since` seconds before `now`, at the resolution that span needs;
    /// without a username, the account-wide hourly series (what all sub-accounts added).
    public func rows(
        username: String?, since: TimeInterval, now: Date, retention: Retention = Retention()
    ) throws(HistoryError) -> (resolution: HistoryResolution, rows: [HistoryRow]) {
        guard let series else { return (.hourly, []) }
        let from = Int64(now.timeIntervalSince1970 - since)
        guard let username else {
            let rows = try read { db in
                try Row.fetchAll(
                    db, sql: "SELECT t, used_bytes, delta FROM account_hourly WHERE series = ? AND t >= ? ORDER BY t",
                    arguments: [series, from - from % 3600])
            }
            return (
                .hourly,
                rows.map { row in
                    HistoryRow(
                        time: Date(timeIntervalSince1970: TimeInterval(row[0] as Int64)), username: "", usageBytes: row[1],
                        deltaBytes: row[2], rateBytesPerSecond: Double(row[2] as Int64) / 3600)
                }
            )
        }
        let resolution = HistoryResolution.covering(since, retention: retention)
        let rows = try read { db -> [HistoryRow] in
            switch resolution {
            case .raw:
                let samples = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.t, s.usage FROM sample s JOIN account a ON a.id = s.account
                        WHERE a.series = ? AND a.username = ? AND s.t >= ? ORDER BY s.t
                        """, arguments: [series, username, from])
                var previous: (t: Int64, usage: Int64)?
                return samples.map { row in
                    let t: Int64 = row[0]
                    let usage: Int64 = row[1]
                    let delta = previous.map { usage >= $0.usage ? usage - $0.usage : 0 } ?? 0
                    let rate = previous.map { t > $0.t ? Double(delta) / Double(t - $0.t) : 0 } ?? 0
                    previous = (t, usage)
                    return HistoryRow(
                        time: Date(timeIntervalSince1970: TimeInterval(t)), username: username, usageBytes: usage, deltaBytes: delta,
                        rateBytesPerSecond: rate)
                }
            case .fiveMinutes, .hourly:
                let table = resolution == .fiveMinutes ? "bucket5m" : "bucket1h"
                let width: Int64 = resolution == .fiveMinutes ? 300 : 3600
                let buckets = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT b.t, b.usage, b.delta FROM \(table) b JOIN account a ON a.id = b.account
                        WHERE a.series = ? AND a.username = ? AND b.t >= ? ORDER BY b.t
                        """, arguments: [series, username, from - from % width])
                return buckets.map { row in
                    HistoryRow(
                        time: Date(timeIntervalSince1970: TimeInterval(row[0] as Int64)), username: username, usageBytes: row[1],
                        deltaBytes: row[2], rateBytesPerSecond: Double(row[2] as Int64) / Double(width))
                }
            }
        }
        return (resolution, rows)
    }
}
