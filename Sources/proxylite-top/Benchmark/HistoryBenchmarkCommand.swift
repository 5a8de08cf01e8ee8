import ArgumentParser
import Foundation
import History

/// `benchmark history`: the history's size and write cost on a simulated clock.
struct HistoryBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Measure the local history: database size and the cost of one poll's write, on a simulated clock.",
        discussion: """
            Each account has its own rate, log-uniform from 1 KB/s to 1 MB/s (seeded), and uses it in \
            --busy-share of the polls (usage grows by rate × interval × 0.5–1.5); otherwise it is idle. \
            48 hours fill the raw tier, the largest; the 5-minute and hourly tiers are projected from \
            their bytes per row to 7 and 90 days.
            """)

    @Option(help: "Sub-accounts.") var accounts = 2_000
    @Option(help: "Simulated hours.") var hours = 48.0
    @Option(help: "Seconds between accounts polls (the default interval is 30).") var pollSeconds = 30.0
    @Option(help: "Share of polls in which an account's usage grows.") var busyShare = 0.3
    @Option(help: "Seed of the world.") var seed: UInt64 = 20_261_129

    func run() throws {
        let folder = NSTemporaryDirectory() + "plhistory-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bench = HistoryBenchmark(accounts: accounts, hours: hours, pollSeconds: pollSeconds, busyShare: busyShare, seed: seed)
        let report = try bench.run(folder: folder) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        func mb(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        print("history: \(accounts) accounts, \(report.polls) polls \(Int(pollSeconds)) s apart (\(hours) h), busy share \(busyShare)")
        print(String(format: "  samples written per poll: %.0f of %d accounts", report.samplesPerPoll, accounts))
        print(
            String(
                format: "  one poll's transaction: median %.2f ms, p95 %.2f ms, max %.2f ms; pruning (every 10 min) median %.1f ms",
                report.writeMedian, report.writeP95, report.writeMax, report.pruneMedian))
        print("  database file after \(hours) h: \(mb(report.fileBytes))")
        var projected: Int64 = 0
        for table in report.tables {
            // Tiers still filling at the end of the run are projected to their full span.
            let scale: Double
            switch table.name {
            case "bucket5m", "bucket5m_account": scale = max(1, 7 * 24 / hours)
            case "bucket1h", "bucket1h_account": scale = max(1, 90 * 24 / hours)
            case "account_hourly", "api_health": scale = max(1, 365 * 24 / hours)
            default: scale = 1
            }
            projected += Int64(Double(table.bytes) * scale)
            print(
                "    \(table.name): \(mb(table.bytes)), \(table.rows) rows" + (scale > 1 ? String(format: " (×%.1f when full)", scale) : "")
            )
        }
        print("  projected size with every tier full: \(mb(projected)) (cap 500 MB)")
    }
}
