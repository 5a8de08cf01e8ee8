import Foundation
import GRDB
import Monitor
import ProxyLiteAPI

/// What history costs, measured on a simulated clock: the database's size once every tier has
/// filled as far as the run reaches, and the time one poll's transaction takes. The world: each
/// account has its own rate, log-uniform from 1 KB/s to 1 MB/s (seeded), and is busy in a given
/// share of polls, when its usage grows by its rate over the interval times 0.5–1.5; the rest of
/// the time it is idle and costs only its 5-minute heartbeat sample.
public struct HistoryBenchmark: Sendable {
    public var accounts: Int
    public var hours: Double
    public var pollSeconds: Double
    public var busyShare: Double
    public var seed: UInt64

    public init(accounts: Int, hours: Double, pollSeconds: Double, busyShare: Double, seed: UInt64) {
        self.accounts = accounts
        self.hours = hours
        self.pollSeconds = pollSeconds
        self.busyShare = busyShare
        self.seed = seed
    }

    public struct Report: Sendable {
        public var polls = 0
        public var fileBytes: Int64 = 0
        /// Bytes per table (SQLite's dbstat), largest first.
        public var tables: [(name: String, bytes: Int64, rows: Int)] = []
        /// Wall milliseconds per poll's transaction: median, 95th percentile, largest.
        public var writeMedian = 0.0
        public var writeP95 = 0.0
        public var writeMax = 0.0
        /// Milliseconds of one pruning (every 10 simulated minutes, accounts daily), median.
        public var pruneMedian = 0.0
        public var samplesPerPoll = 0.0
    }

    public func run(folder: String, progress: @Sendable (String) -> Void = { _ in }) throws -> Report {
        let location = HistoryLocation(path: folder + "/bench.sqlite")
        let key = AppKey("benchmark-key-not-a-secret")!
        var wall = Date(timeIntervalSince1970: 1_790_000_000)
        let (database, _) = try HistoryDatabase.open(location, key: key, holder: "benchmark", now: wall)
        var writer = try HistoryWriter(database: database, now: wall)
        var random = SeededRandom(seed: seed)
        let rates = (0..<accounts).map { _ in pow(10, Double.random(in: 3...6, using: &random)) }
        var list = (0..<accounts).map { SubAccount.benchmark(username: String(format: "user%05d", $0), usageBytes: 0) }
        var writes: [Double] = []
        var prunes: [Double] = []
        var samples = 0
        let polls = Int(hours * 3600 / pollSeconds)
        var lastPrune = wall
        var lastCleanup = wall
        let retention = Retention()
        for poll in 0..<polls {
            for i in 0..<accounts where Double.random(in: 0..<1, using: &random) < busyShare {
                list[i].usageBytes += Int64(rates[i] * pollSeconds * Double.random(in: 0.5...1.5, using: &random)) / 1024 * 1024
            }
            let start = ContinuousClock.now
            samples += try writer.record(accounts: list, at: wall).samples
            writes.append(Self.milliseconds(ContinuousClock.now - start))
            if wall.timeIntervalSince(lastPrune) >= 600 {
                let pruneStart = ContinuousClock.now
                // As the recorder does: accounts nothing is left of are looked for once a day.
                let daily = wall.timeIntervalSince(lastCleanup) >= 86_400
                if daily { lastCleanup = wall }
                _ = try retention.prune(database, now: wall, accounts: daily)
                prunes.append(Self.milliseconds(ContinuousClock.now - pruneStart))
                lastPrune = wall
            }
            wall.addTimeInterval(pollSeconds)
            if poll % 500 == 0 { progress("poll \(poll) of \(polls)") }
        }
        var report = Report()
        report.polls = polls
        report.samplesPerPoll = Double(samples) / Double(max(1, polls))
        writes.sort()
        prunes.sort()
        report.writeMedian = writes[writes.count / 2]
        report.writeP95 = writes[min(writes.count - 1, writes.count * 95 / 100)]
        report.writeMax = writes.last ?? 0
        report.pruneMedian = prunes.isEmpty ? 0 : prunes[prunes.count / 2]
        try HistoryDatabase.guarded(location) {
            try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        report.fileBytes = try database.fileBytes().total
        report.tables = try database.read { db in
            let sizes = try Row.fetchAll(db, sql: "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
            return sizes.map { row in
                let name: String = row[0]
                let rows = ((try? Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"")) ?? nil) ?? 0
                return (name, row[1], rows)
            }
        }
        return report
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

extension SubAccount {
    /// A sub-account with only what history reads, built the way the client decodes one.
    static func benchmark(username: String, usageBytes: Int64) -> SubAccount {
        let json = #"{"id":1,"username":"\#(username)","usage_flow":\#(usageBytes / 1024),"limit_flow":1000,"status":1,"product_type":9}"#
        let decoder = JSONDecoder()
        decoder.userInfo[.providerOffset] = 8 * 3600
        return try! decoder.decode(SubAccount.self, from: Data(json.utf8))  // a fixed, valid shape
    }
}
