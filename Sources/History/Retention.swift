import Foundation
import GRDB

/// How long each tier is kept, and the cap on the file's size.
public struct Retention: Sendable, Equatable {
    public var rawSamples: TimeInterval = 48 * 3600
    public var fiveMinute: TimeInterval = 7 * 86_400
    public var hourly: TimeInterval = 90 * 86_400
    public var accountWide: TimeInterval = 365 * 86_400
    /// Pages in use, in bytes; past it the finest tier loses its oldest rows first (raw samples,
    /// then 5-minute buckets, then hourly ones), because each coarser tier still tells the story
    /// the finer one told.
    public var maxBytes: Int64 = 500 * 1_000_000

    public init(maxBytes: Int64 = 500 * 1_000_000) { self.maxBytes = maxBytes }

    /// What one pruning did, for tests and the log.
    public struct Pruned: Sendable, Equatable {
        public var rows = 0
        /// Tiers cut beyond their age to fit the cap, finest first.
        public var cappedTiers: [String] = []
    }

    /// Deletes what has aged out of each tier, then, while the pages in use exceed `maxBytes`,
    /// the oldest rows of the finest tier that still has any, in eighths of its span. Tiers are
    /// keyed by time first, so each cut is a range off the front of the table. `accounts`: also
    /// drop accounts nothing is left of (a scan of the raw samples; the caller does it daily).
    func prune(_ database: HistoryDatabase, now: Date, accounts: Bool = true) throws(HistoryError) -> Pruned {
        let t = Int64(now.timeIntervalSince1970)
        var pruned = Pruned()
        let tiers: [(table: String, keep: TimeInterval)] = [
            ("sample", rawSamples), ("bucket5m", fiveMinute), ("bucket1h", hourly),
        ]
        try database.write { db in
            for tier in tiers {
                pruned.rows += try Self.deleteBefore(db, table: tier.table, cutoff: t - Int64(tier.keep))
            }
            let yearAgo = t - Int64(accountWide)
            for (sql, cutoff) in [
                ("DELETE FROM account_hourly WHERE t < ?", yearAgo), ("DELETE FROM api_health WHERE t < ?", t - Int64(hourly)),
                ("DELETE FROM expiry WHERE seen_at < ?", t - 7 * 86_400),
                ("DELETE FROM alert WHERE state = 'past' AND coalesce(cleared_at, at) < ?", t - Int64(hourly)),
            ] {
                try db.execute(sql: sql, arguments: [cutoff])
                pruned.rows += db.changesCount
            }
            let dayFormat = ISO8601DateFormatter()
            dayFormat.formatOptions = [.withFullDate]
            let cutoffDay = dayFormat.string(from: now.addingTimeInterval(-accountWide))
            try db.execute(sql: "DELETE FROM flow_daily WHERE day < ?", arguments: [cutoffDay])
            pruned.rows += db.changesCount
            // Accounts with nothing left (deleted long ago) go too.
            if accounts {
                try db.execute(
                    sql: """
                        DELETE FROM account WHERE NOT EXISTS (SELECT 1 FROM bucket1h WHERE account = account.id)
                        AND NOT EXISTS (SELECT 1 FROM bucket5m WHERE account = account.id)
                        AND id NOT IN (SELECT DISTINCT account FROM sample)
                        """)
            }
        }
        try reclaim(database)
        for tier in tiers {
            while try database.fileBytes().used > maxBytes {
                let deleted = try database.write { db -> Int in
                    guard let oldest = try Int64.fetchOne(db, sql: "SELECT min(t) FROM \(tier.table)"),
                        let newest = try Int64.fetchOne(db, sql: "SELECT max(t) FROM \(tier.table)")
                    else { return 0 }
                    let cutoff = newest > oldest ? oldest + max(1, (newest - oldest) / 8) : newest + 1
                    return try Self.deleteBefore(db, table: tier.table, cutoff: cutoff)
                }
                guard deleted > 0 else { break }
                pruned.rows += deleted
                if pruned.cappedTiers.last != tier.table { pruned.cappedTiers.append(tier.table) }
                try reclaim(database)
            }
        }
        return pruned
    }

    private static func deleteBefore(_ db: Database, table: String, cutoff: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM \(table) WHERE t < ?", arguments: [cutoff])
        return db.changesCount
    }

    /// Hands freed pages back to the file system (the file shrinks), outside any transaction.
    private func reclaim(_ database: HistoryDatabase) throws(HistoryError) {
        try HistoryDatabase.guarded(database.location) {
            try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
        }
    }
}
