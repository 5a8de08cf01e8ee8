import Foundation
import GRDB
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import History

@Suite struct HistoryQueriesTests {
    let mb: Int64 = 1_048_576

    @Test func sparklinesHaveTwentyFourHoursForTheAccountsAsked() throws {
        let folder = StateFolder()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_789_999_200))
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        var usage: Int64 = 0
        for hour in 0..<30 {
            // Polled every 15 minutes; the hour's use shows at its first poll.
            usage += Int64(hour)
            for _ in 0..<4 {
                try writer.record(accounts: [account("alice", mb: usage), account("bob", mb: 1)], at: clock.date)
                clock.advance(900)
            }
        }
        let lines = try database.sparklines(for: ["alice", "nobody"], now: clock.date.addingTimeInterval(-3600))
        #expect(lines.keys.sorted() == ["alice", "nobody"])
        #expect(lines["alice"]?.count == 24)
        #expect(lines["alice"]?.last == 29 * mb, "the current hour last")
        #expect(lines["alice"]?.first == 6 * mb)
        #expect(lines["nobody"] == [Int64](repeating: 0, count: 24))
    }

    @Test func intradayHasFiveMinuteBucketsForADayAndAWeek() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        try writer.record(accounts: [account("alice", mb: 1)], at: clock.date)
        clock.advance(300)
        try writer.record(accounts: [account("alice", mb: 4)], at: clock.date)
        let intraday = try #require(try database.intraday("alice", now: clock.date))
        #expect(intraday.day.count == 288)
        #expect(intraday.week.count == 2016)
        #expect(intraday.day.last == 3 * mb)
        #expect(intraday.week.reduce(0, +) == 3 * mb)
        #expect(abs(intraday.start.timeIntervalSince(clock.date) + 7 * 86_400) < 300)
    }

    @Test func normsNeedADayOfHistoryAndCountIdleHoursAsZero() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        var usage: Int64 = 0
        for hour in 0..<48 {
            // Busy (36 MB) three hours in four, idle the fourth; polled every 15 minutes.
            if hour % 4 != 0 { usage += 36 }
            for quarter in 0..<4 {
                var list = [account("steady", mb: usage)]
                if hour >= 30 { list.append(account("new", mb: 1)) }
                try writer.record(accounts: list, at: clock.date)
                _ = quarter
                clock.advance(900)
            }
        }
        let norms = try database.norms(now: clock.date)
        #expect(norms["new"] == nil, "less than a day recorded")
        let norm = try #require(norms["steady"])
        #expect(abs(norm - Double(36 * mb) / 3600) < 1)
    }

    @Test func theDailyRateAndTheProjection() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        #expect(try database.dailyRate(now: clock.date) == nil)
        for step in 0...12 {
            try writer.record(accounts: [account("a", mb: Int64(step) * 360)], at: clock.date)
            try writer.record(poll: "accounts", failed: nil, at: clock.date)
            clock.advance(600)
        }
        let rate = try #require(try database.dailyRate(now: clock.date))
        // 360 MB every 10 minutes over the two hours polled, not spread over a day (within the
        // hour granularity of the record of when polls ran: two hours, give or take one).
        let exact = 360.0 * 1_048_576 / 600
        #expect(rate > exact * 0.66 && rate <= exact * 1.01, "\(rate)")
        // Ten hours later with no dashboard running, the rate is still that of the time polled.
        let later = try #require(try database.dailyRate(now: clock.date.addingTimeInterval(10 * 3600)))
        #expect(later > exact * 0.66 && later <= exact * 1.01, "\(later)")
        let projection = Projection.make(summary: Fixtures.summary(), ratePerSecond: rate, now: clock.date)
        let runsOut = try #require(projection.runsOutAt)
        #expect(abs(runsOut.timeIntervalSince(clock.date) - Double(projection.leftBytes) / rate) < 1)
        let idle = Projection.make(summary: Fixtures.summary(), ratePerSecond: 0, now: clock.date)
        #expect(idle.runsOutAt == nil)
        #expect(idle.expiringUnused == Fixtures.summary().expiringBytes, "nothing in use: all that expires is lost")
    }

    @Test func rowsFollowTheTierTheSpanReaches() throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "test", now: clock.date)
        var writer = try HistoryWriter(database: database)
        for step in 0..<10 {
            try writer.record(accounts: [account("alice", mb: Int64(step) * 2)], at: clock.date)
            clock.advance(60)
        }
        let raw = try database.rows(username: "alice", since: 86_400, now: clock.date)
        #expect(raw.resolution == .raw)
        #expect(raw.rows.count == 10)
        #expect(raw.rows.last?.deltaBytes == 2 * mb)
        #expect(abs((raw.rows.last?.rateBytesPerSecond ?? 0) - Double(2 * mb) / 60) < 1)
        #expect(try database.rows(username: "alice", since: 3 * 86_400, now: clock.date).resolution == .fiveMinutes)
        #expect(try database.rows(username: "alice", since: 30 * 86_400, now: clock.date).resolution == .hourly)
        let wide = try database.rows(username: nil, since: 86_400, now: clock.date)
        #expect(wide.rows.reduce(0) { $0 + $1.deltaBytes } == 18 * mb)
    }
}
