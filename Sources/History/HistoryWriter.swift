import Foundation
import GRDB
import Monitor
import ProxyLiteAPI

/// Writes each poll into the database in one transaction, and only what changed: a sample when an
/// account's usage or limit moved (or five minutes after its last one, so that a restart finds a
/// recent sample to start rates from), bucket totals only where usage grew.
struct HistoryWriter {
    let database: HistoryDatabase
    let series: Int64

    /// The tables must be read from the database again before the next write (a write failed,
    /// and so did reading them back).
    private var needsLoad = false
    private var accountIDs: [String: Int64] = [:]
    private var last: [Int64: Last] = [:]
    private var lastSummary: PackageSummary?
    private var lastSummaryHour: Int64 = 0
    private var flowDays: [String: Int64] = [:]
    private var expiries: [String: Int64?] = [:]

    struct Last {
        var usage: Int64
        var limit: Int64?
        var writtenAt: Int64
        /// When a poll last showed the account (the last sample's time after a restart).
        var seenAt: Int64
    }

    /// Usage that grew over a longer gap than this (a restart, an outage) is not put in the
    /// bucket of the poll that noticed it: when it was used is unknown, and a day's use in one
    /// bucket would read as a spike.
    static let longestGap: Int64 = 15 * 60

    /// `a + b` for the bucket sums SQLite keeps, capped at Int64.max rather than turned into a
    /// REAL (which reading back as an integer would trap on).
    static let saturatingSum =
        "CASE WHEN delta > 9223372036854775807 - excluded.delta THEN 9223372036854775807 ELSE delta + excluded.delta END"

    /// Five minutes without a change still writes a sample.
    static let heartbeat: Int64 = 300

    init(database: HistoryDatabase, now: Date = Date()) throws(HistoryError) {
        guard let series = database.series else { throw .failed(path: database.location.path, reason: "no series to write") }
        self.database = database
        self.series = series
        try load(now: now)
    }

    /// Starts where the last write stopped: every account's id, and the newest sample of each
    /// within the rate window (older ones are a gap: what grew since goes in no bucket anyway).
    /// Read row by row: a history of 100 000 accounts is not held as 100 000 GRDB rows at once.
    private mutating func load(now: Date) throws(HistoryError) {
        let series = self.series
        let since = Int64(now.timeIntervalSince1970) - Self.longestGap
        (accountIDs, last) = try database.read { db in
            var ids: [String: Int64] = [:]
            var last: [Int64: Last] = [:]
            let accounts = try Row.fetchCursor(db, sql: "SELECT id, username FROM account WHERE series = ?", arguments: [series])
            while let row = try accounts.next() { ids[row[1]] = row[0] }
            let recent = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.account, s.t, s.usage, s.lim FROM sample s JOIN account a ON a.id = s.account
                    WHERE a.series = ? AND s.t >= ? ORDER BY s.t
                    """, arguments: [series, since])
            while let row = try recent.next() {
                let t: Int64 = row[1]
                last[row[0]] = Last(usage: row[2], limit: row[3], writtenAt: t, seenAt: t)
            }
            return (ids, last)
        }
    }

    /// Forgets accounts pruning removed (nothing left of them): the next poll that lists one
    /// again makes it anew, rather than writing rows under an id no longer there.
    mutating func reloadAccounts() throws(HistoryError) {
        let series = self.series
        let ids = try database.read { db in
            var ids: [String: Int64] = [:]
            let kept = try Row.fetchCursor(db, sql: "SELECT id, username FROM account WHERE series = ?", arguments: [series])
            while let row = try kept.next() { ids[row[1]] = row[0] }
            return ids
        }
        let live = Set(ids.values)
        accountIDs = ids
        last = last.filter { live.contains($0.key) }
    }

    /// What one accounts poll wrote, for the write-cost figures.
    struct Written: Equatable {
        var samples = 0
        var buckets = 0
    }

    @discardableResult
    mutating func record(accounts: [SubAccount], at now: Date) throws(HistoryError) -> Written {
        if needsLoad {
            try load(now: now)
            needsLoad = false
        }
        let t = Int64(now.timeIntervalSince1970)
        var written = Written()
        var total: Int64 = 0
        // Taken out of self rather than copied: a copy written to would double both tables (two
        // of 100 000 entries) for the length of the write. Room for every account at once, too.
        var ids = accountIDs
        var last = self.last
        accountIDs = [:]
        self.last = [:]
        ids.reserveCapacity(accounts.count)
        last.reserveCapacity(accounts.count)
        let series = self.series
        do {
            try write(accounts, t: t, series: series, ids: &ids, last: &last, written: &written, total: &total)
        } catch {
            // The transaction was rolled back, and the tables hold what it wrote: read them again
            // from the database, now or else before the next write (written without them, every
            // account would be inserted again). Their newest samples stand in for the polls seen
            // since, so growth over a longer gap than the rate window goes in no bucket.
            do {
                try load(now: now)
            } catch {
                needsLoad = true
            }
            throw error
        }
        accountIDs = ids
        self.last = last
        return written
    }

    private func write(
        _ accounts: [SubAccount], t: Int64, series: Int64, ids: inout [String: Int64], last: inout [Int64: Last],
        written: inout Written, total: inout Int64
    ) throws(HistoryError) {
        try database.write { db in
            let insertAccount = try db.cachedStatement(sql: "INSERT INTO account (series, username, first_seen) VALUES (?, ?, ?)")
            let sample = try db.cachedStatement(
                sql:
                    "INSERT INTO sample (t, account, usage, lim) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET usage = excluded.usage, lim = excluded.lim"
            )
            let bucket5 = try db.cachedStatement(
                sql:
                    "INSERT INTO bucket5m (t, account, usage, delta) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET usage = excluded.usage, delta = \(Self.saturatingSum)"
            )
            let bucketHour = try db.cachedStatement(
                sql:
                    "INSERT INTO bucket1h (t, account, usage, delta) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET usage = excluded.usage, delta = \(Self.saturatingSum)"
            )
            for account in accounts where !account.username.isEmpty && !account.unreadable.contains("usage_flow") {
                let id: Int64
                if let known = ids[account.username] {
                    id = known
                } else {
                    try insertAccount.execute(arguments: [series, account.username, t])
                    id = db.lastInsertedRowID
                    ids[account.username] = id
                }
                let usage = account.usageBytes
                let limit = account.unreadable.contains("limit_flow") ? last[id]?.limit : account.limitBytes
                let previous = last[id]
                let changed = previous == nil || previous!.usage != usage || previous!.limit != limit
                if changed || t - previous!.writtenAt >= Self.heartbeat {
                    try sample.execute(arguments: [t, id, usage, limit])
                    written.samples += 1
                    last[id] = Last(usage: usage, limit: limit, writtenAt: t, seenAt: t)
                } else {
                    last[id]?.usage = usage
                    last[id]?.seenAt = t
                }
                // Usage that went down is a re-created account or a reset: nothing was used.
                if let previous, usage > previous.usage, t - previous.seenAt <= Self.longestGap {
                    let delta = usage - previous.usage
                    try bucket5.execute(arguments: [t - t % 300, id, usage, delta])
                    try bucketHour.execute(arguments: [t - t % 3600, id, usage, delta])
                    written.buckets += 2
                    total = total.addingSaturated(delta)
                }
            }
            if total > 0 {
                try db.execute(
                    sql:
                        "INSERT INTO account_hourly (series, t, delta) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET delta = \(Self.saturatingSum)",
                    arguments: [series, t - t % 3600, total])
            }
        }
    }

    mutating func record(summary: PackageSummary, at now: Date) throws(HistoryError) {
        let t = Int64(now.timeIntervalSince1970)
        let hour = t - t % 3600
        guard hour != lastSummaryHour || !Self.same(summary, lastSummary) else { return }
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_hourly (series, t, left_bytes, expiring_bytes, expired_bytes, used_bytes)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET left_bytes = excluded.left_bytes,
                    expiring_bytes = excluded.expiring_bytes, expired_bytes = excluded.expired_bytes, used_bytes = excluded.used_bytes
                    """,
                arguments: [series, hour, summary.effectiveBytes, summary.expiringBytes, summary.expiredBytes, summary.usedBytes])
        }
        lastSummary = summary
        lastSummaryHour = hour
    }

    private static func same(_ a: PackageSummary, _ b: PackageSummary?) -> Bool {
        guard let b else { return false }
        return a.effectiveBytes == b.effectiveBytes && a.expiringBytes == b.expiringBytes && a.expiredBytes == b.expiredBytes
            && a.usedBytes == b.usedBytes
    }

    mutating func record(flow: [DailyFlow]) throws(HistoryError) {
        let changed = flow.filter { flowDays[$0.day] != $0.bytes }
        guard !changed.isEmpty else { return }
        try database.write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT INTO flow_daily (series, day, bytes) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET bytes = excluded.bytes")
            for day in changed { try statement.execute(arguments: [series, day.day, day.bytes]) }
        }
        for day in changed { flowDays[day.day] = day.bytes }
    }

    /// Expiry dates of static IPs (`kind` "static_ip", subject ip:port) or packages ("package", id).
    mutating func record(expiries items: [(subject: String, expiresAt: Date?)], kind: String, at now: Date) throws(HistoryError) {
        let known = expiries
        let changed = items.filter { item in
            let stamp: Int64? = item.expiresAt.map { Int64($0.timeIntervalSince1970) }
            return known[kind + "\u{1F}" + item.subject] != .some(stamp)
        }
        guard !changed.isEmpty else { return }
        let t = Int64(now.timeIntervalSince1970)
        try database.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO expiry (series, kind, subject, expires_at, seen_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET expires_at = excluded.expires_at, seen_at = excluded.seen_at
                    """)
            for item in changed {
                let stamp: Int64? = item.expiresAt.map { Int64($0.timeIntervalSince1970) }
                try statement.execute(arguments: [series, kind, item.subject, stamp, t])
            }
        }
        for item in changed {
            let stamp: Int64? = item.expiresAt.map { Int64($0.timeIntervalSince1970) }
            expiries[kind + "\u{1F}" + item.subject] = .some(stamp)
        }
    }

    /// One poll of `resource`, for the API's health by hour.
    func record(poll resource: String, failed: String?, at now: Date) throws(HistoryError) {
        let t = Int64(now.timeIntervalSince1970)
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO api_health (series, t, resource, ok, failed, last_error) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET ok = ok + excluded.ok, failed = failed + excluded.failed,
                    last_error = coalesce(excluded.last_error, last_error)
                    """,
                arguments: [series, t - t % 3600, resource, failed == nil ? 1 : 0, failed == nil ? 0 : 1, failed])
        }
    }
}
