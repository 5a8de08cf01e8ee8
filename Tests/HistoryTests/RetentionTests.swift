import Foundation
import GRDB
import Monitor
import ProxyLiteAPI
import Testing

@testable import History

@Suite struct RetentionTests {
    /// Two accounts polled every `step` seconds for `hours`, usage growing each poll.
    func fill(_ database: HistoryDatabase, clock: ManualClock, hours: Double, step: TimeInterval = 300, accounts: Int = 2) throws {
        var writer = try HistoryWriter(database: database)
        var usage: Int64 = 1
        for _ in 0..<Int(hours * 3600 / step) {
            usage += 1
            try writer.record(accounts: (0..<accounts).map { account("u\($0)", mb: usage) }, at: clock.date)
            clock.advance(step)
        }
    }

    @Test func eachTierKeepsItsOwnSpan() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        try fill(database, clock: clock, hours: 24 * 9, step: 900)
        let now = clock.date
        _ = try Retention().prune(database, now: now)
        let t = Int64(now.timeIntervalSince1970)
        let oldest = { (table: String) in
            try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT min(t) FROM \(table)") ?? t }
        }
        #expect(try t - oldest("sample") <= 48 * 3600)
        #expect(try t - oldest("sample") > 47 * 3600)
        #expect(try t - oldest("bucket5m") <= 7 * 86_400)
        #expect(try t - oldest("bucket5m") > 6 * 86_400)
        #expect(try t - oldest("bucket1h") > 8 * 86_400, "hourly buckets stay 90 days")
        // A year on, nothing per-account is left, and the accounts go with their data.
        _ = try Retention().prune(database, now: now.addingTimeInterval(100 * 86_400))
        #expect(try count(database, "bucket1h") == 0)
        #expect(try count(database, "account") == 0)
        #expect(try count(database, "account_hourly") > 0, "account-wide hours stay a year")
    }

    @Test func theSizeCapPrunesTheFinestTierFirst() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        try fill(database, clock: clock, hours: 40, step: 60, accounts: 20)
        let before = try database.fileBytes().used
        let hourlyBefore = try count(database, "bucket1h")
        let cap = before / 2
        let pruned = try Retention(maxBytes: cap).prune(database, now: clock.date)
        #expect(try database.fileBytes().used <= cap)
        #expect(pruned.cappedTiers.first == "sample")
        #expect(try count(database, "bucket1h") == hourlyBefore, "coarser tiers untouched while the finest one could give")
        #expect(try database.fileBytes().total <= before, "freed pages go back to the file system")
    }

    @Test func aCapTooSmallForAnythingEmptiesTiersInOrderAndStops() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        try fill(database, clock: clock, hours: 6, step: 60, accounts: 5)
        let pruned = try Retention(maxBytes: 1).prune(database, now: clock.date)
        #expect(pruned.cappedTiers == ["sample", "bucket5m", "bucket1h"])
        #expect(try count(database, "sample") == 0)
        #expect(try count(database, "bucket1h") == 0)
    }
}
