import Foundation
import GRDB
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import History

@Suite struct HistoryWriterTests {
    let clock = ManualClock()

    @Test func usageGrowthLandsInItsFiveMinuteAndHourlyBuckets() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        let start = clock.date
        try writer.record(accounts: [account("alice", mb: 100)], at: start)
        try writer.record(accounts: [account("alice", mb: 150)], at: start.addingTimeInterval(30))
        try writer.record(accounts: [account("alice", mb: 190)], at: start.addingTimeInterval(330))
        let buckets = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT t, delta FROM bucket5m ORDER BY t").map { [$0[0] as Int64, $0[1] as Int64] }
        }
        let t0 = Int64(start.timeIntervalSince1970)
        let mb: Int64 = 1_048_576
        let first = (t0 + 30) - (t0 + 30) % 300
        let second = (t0 + 330) - (t0 + 330) % 300
        #expect(buckets == [[first, 50 * mb], [second, 40 * mb]])
        let hourly = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT sum(delta) FROM bucket1h") }
        #expect(hourly == 90 * mb)
        let accountWide = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT sum(delta) FROM account_hourly") }
        #expect(accountWide == 90 * mb)
    }

    @Test func onlyWhatChangedIsWrittenWithAFiveMinuteHeartbeat() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        let idle = (0..<50).map { account("idle\($0)", mb: 5) }
        var written = try writer.record(accounts: idle + [account("busy", mb: 1)], at: clock.date)
        #expect(written.samples == 51)
        for step in 1...9 {
            clock.advance(30)
            written = try writer.record(accounts: idle + [account("busy", mb: Int64(1 + step))], at: clock.date)
            // Only the busy account moved; the idle ones wait for their heartbeat.
            #expect(written.samples == 1, "step \(step)")
            #expect(written.buckets == 2)
        }
        clock.advance(30)
        written = try writer.record(accounts: idle + [account("busy", mb: 11)], at: clock.date)
        #expect(written.samples == 51, "five minutes on, every account gets its heartbeat sample")
    }

    @Test func aUsageDropIsNotCountedAsUse() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        try writer.record(accounts: [account("re", mb: 500)], at: clock.date)
        clock.advance(30)
        try writer.record(accounts: [account("re", mb: 2)], at: clock.date)
        #expect(try count(database, "bucket5m") == 0)
        clock.advance(30)
        try writer.record(accounts: [account("re", mb: 3)], at: clock.date)
        let delta = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT sum(delta) FROM bucket5m") }
        #expect(delta == 1_048_576)
    }

    /// A write that fails half-way is rolled back, and the writer's own tables with it: the next
    /// poll continues from what the database holds (no account written twice, no growth lost).
    @Test func aFailedWriteIsRolledBackAndTheNextContinuesFromTheDatabase() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        let start = clock.date
        try writer.record(accounts: [account("alice", mb: 100), account("bob", mb: 10)], at: start)
        try database.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_bob BEFORE INSERT ON sample
                    WHEN NEW.account = (SELECT id FROM account WHERE username = 'bob') BEGIN SELECT RAISE(ABORT, 'disk full'); END
                    """)
        }
        #expect(throws: HistoryError.self) {
            try writer.record(
                accounts: [account("alice", mb: 150), account("carol", mb: 1), account("bob", mb: 20)], at: start.addingTimeInterval(30))
        }
        try database.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_bob") }
        try writer.record(
            accounts: [account("alice", mb: 190), account("carol", mb: 3), account("bob", mb: 25)], at: start.addingTimeInterval(60))
        let mb: Int64 = 1_048_576
        let (grown, carols) = try database.pool.read { db in
            (
                try Int64.fetchOne(
                    db, sql: "SELECT sum(delta) FROM bucket1h b JOIN account a ON a.id = b.account WHERE a.username = 'alice'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE username = 'carol'")
            )
        }
        #expect(grown == 90 * mb)
        #expect(carols == 1)
    }

    /// A write that fails, and whose tables cannot be read back either, reads them before the
    /// next write: no account is inserted twice (which would fail that write too).
    @Test func tablesThatCouldNotBeReadBackAreReadBeforeTheNextWrite() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        let start = clock.date
        try writer.record(accounts: [account("alice", mb: 100), account("bob", mb: 10)], at: start)
        try database.pool.write { db in try db.execute(sql: "ALTER TABLE sample RENAME TO sample_away") }
        #expect(throws: HistoryError.self) {
            try writer.record(accounts: [account("alice", mb: 150), account("carol", mb: 1)], at: start.addingTimeInterval(30))
        }
        try database.pool.write { db in try db.execute(sql: "ALTER TABLE sample_away RENAME TO sample") }
        try writer.record(
            accounts: [account("alice", mb: 190), account("carol", mb: 3), account("bob", mb: 25)], at: start.addingTimeInterval(60))
        let mb: Int64 = 1_048_576
        let (grown, accounts) = try database.pool.read { db in
            (
                try Int64.fetchOne(
                    db, sql: "SELECT sum(delta) FROM bucket1h b JOIN account a ON a.id = b.account WHERE a.username = 'alice'"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM account")
            )
        }
        #expect(grown == 90 * mb)
        #expect(accounts == 3)
    }

    @Test func aRestartedWriterContinuesFromTheLastSample() throws {
        let folder = StateFolder()
        let location = folder.location()
        do {
            let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "test", now: clock.date)
            var writer = try HistoryWriter(database: database)
            try writer.record(accounts: [account("alice", mb: 100)], at: clock.date)
        }
        clock.advance(120)
        let (database, _) = try HistoryDatabase.open(location, key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database, now: clock.date)
        try writer.record(accounts: [account("alice", mb: 130)], at: clock.date)
        let delta = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT sum(delta) FROM bucket1h") }
        let mb: Int64 = 1_048_576
        #expect(delta == 30 * mb, "\(String(describing: delta))")
        #expect(try count(database, "account") == 1)
    }

    @Test func summaryFlowExpiriesAndHealthAreKept() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        try writer.record(summary: Fixtures.summary(), at: clock.date)
        try writer.record(summary: Fixtures.summary(), at: clock.date.addingTimeInterval(60))
        try writer.record(flow: [.init(day: "2026-11-28", bytes: 5), .init(day: "2026-11-29", bytes: 7)])
        try writer.record(expiries: [("1.2.3.4:8000", clock.date.addingTimeInterval(86_400))], kind: "static_ip", at: clock.date)
        try writer.record(poll: "accounts", failed: nil, at: clock.date)
        try writer.record(poll: "accounts", failed: "timeout", at: clock.date)
        #expect(try count(database, "account_hourly") == 1)
        #expect(try count(database, "flow_daily") == 2)
        #expect(try count(database, "expiry") == 1)
        let health = try database.pool.read { db in try Row.fetchOne(db, sql: "SELECT ok, failed, last_error FROM api_health") }
        #expect(health?[0] as Int64? == 1)
        #expect(health?[1] as Int64? == 1)
        #expect(health?[2] as String? == "timeout")
    }
}

@Suite struct HistoryWriterEdgeTests {
    let clock = ManualClock()

    @Test func usageGrownOverALongGapIsNotPutInOneBucket() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        try writer.record(accounts: [account("alice", mb: 100)], at: clock.date)
        clock.advance(6 * 3600)  // asleep, or the dashboard was not running
        try writer.record(accounts: [account("alice", mb: 5_000)], at: clock.date)
        #expect(try count(database, "bucket5m") == 0, "when it was used is unknown")
        clock.advance(30)
        try writer.record(accounts: [account("alice", mb: 5_010)], at: clock.date)
        let delta = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT sum(delta) FROM bucket5m") }
        let mb: Int64 = 1_048_576
        #expect(delta == 10 * mb, "counting resumes from the poll after the gap")
    }

    @Test func hugeGrowthSaturatesInsteadOfTrappingOrTurningReal() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        let huge = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"h","usage_flow":"9007199254740000","limit_flow":1}"#)
        let small = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"h","usage_flow":1,"limit_flow":1}"#)
        let other = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"g","usage_flow":1,"limit_flow":1}"#)
        let otherHuge = Fixtures.decode(SubAccount.self, #"{"id":1,"username":"g","usage_flow":"9007199254740000","limit_flow":1}"#)
        for _ in 0..<3 {
            try writer.record(accounts: [small, other], at: clock.date)
            clock.advance(30)
            try writer.record(accounts: [huge, otherHuge], at: clock.date)
            clock.advance(30)
        }
        let type = try database.pool.read { db in try String.fetchOne(db, sql: "SELECT typeof(delta) FROM account_hourly") }
        #expect(type == "integer")
        let lines = try database.sparklines(for: ["h", "g"], now: clock.date)
        #expect(lines["h"]?.contains(Int64.max) == true)
        _ = try database.norms(now: clock.date)
        _ = try database.rows(username: "h", since: 3600, now: clock.date)
    }

    @Test func anAccountPrunedAwayIsWrittenAnewWhenItComesBack() throws {
        let folder = StateFolder()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        try writer.record(accounts: [account("gone", mb: 1)], at: clock.date)
        clock.advance(100 * 86_400)
        _ = try Retention().prune(database, now: clock.date)
        try writer.reloadAccounts()
        #expect(try count(database, "account") == 0)
        try writer.record(accounts: [account("gone", mb: 2)], at: clock.date)
        #expect(try database.recentSamples(within: 900, now: clock.date)["gone"]?.count == 1)
    }
}
