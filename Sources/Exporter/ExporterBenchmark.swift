import Foundation
import Monitor

/// What one scrape costs at a given size and cardinality (for `proxylite-top benchmark metrics`).
///
/// Two scrapes of one made-up profile (see `BenchmarkSnapshot`): the first makes every series,
/// the second, after every account's usage and rate changed, sets them (the steady state of a
/// running `serve`). Memory is the process's resident size before the exporter was made and
/// after the second scrape, so it counts the registry, the exporter's book and the exposition
/// buffer, not the snapshot.
public enum ExporterBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public let accounts: Int
        public let staticIPs: Int
        public let packages: Int
        public let cardinality: MetricsCardinality
        /// Per-subject series after the second scrape (the account-wide totals included).
        public let series: Int
        public let expositionBytes: Int
        public let firstScrapeSeconds: Double
        public let secondScrapeSeconds: Double
        /// Resident memory before the exporter was made and after the second scrape; nil off Linux.
        public let residentBefore: Int64?
        public let residentAfter: Int64?
        /// The process's peak resident memory before and after; a rise means the scrapes set a new peak.
        public let peakBefore: Int64?
        public let peakAfter: Int64?

        public var residentGrowth: Int64? { residentAfter.flatMap { after in residentBefore.map { after - $0 } } }

        public var description: String {
            func mb(_ bytes: Int64?) -> String { bytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "n/a" }
            func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
            return """
                metrics scrape: \(accounts) accounts, \(staticIPs) static IPs, \(packages) packages, cardinality \(cardinality)
                  series \(series), exposition \(expositionBytes) bytes
                  first scrape \(ms(firstScrapeSeconds)), second scrape (usage changed) \(ms(secondScrapeSeconds))
                  resident \(mb(residentBefore)) → \(mb(residentAfter)) (growth \(mb(residentGrowth))), peak \(mb(peakBefore)) → \(mb(peakAfter))
                """
        }
    }

    public static func run(accounts: Int, cardinality: MetricsCardinality) -> Result {
        let now = Date()
        let first = BenchmarkSnapshot.make(accounts: accounts, round: 0, now: now)
        let second = BenchmarkSnapshot.make(accounts: accounts, round: 1, now: now.addingTimeInterval(60))
        let before = ProcessMemory.settled()

        let exporter = MetricsExporter(cardinality: cardinality)
        exporter.update(profile: "benchmark", snapshot: first)
        let firstSeconds = measure { _ = exporter.exposition(now: now) }
        exporter.update(profile: "benchmark", snapshot: second)
        var bytes = 0
        let secondSeconds = measure { bytes = exporter.exposition(now: now.addingTimeInterval(60)).count }
        // Both snapshots live until here: the first one freed mid-way would read as the registry shrinking.
        let after = withExtendedLifetime(first) { ProcessMemory.settled() }

        return Result(
            accounts: accounts, staticIPs: second.staticIPs.value?.count ?? 0, packages: second.packages.value?.count ?? 0,
            cardinality: cardinality, series: exporter.subjectSeriesCount, expositionBytes: bytes, firstScrapeSeconds: firstSeconds,
            secondScrapeSeconds: secondSeconds, residentBefore: before?.residentBytes, residentAfter: after?.residentBytes,
            peakBefore: before?.peakResidentBytes, peakAfter: after?.peakResidentBytes)
    }

    private static func measure(_ work: () -> Void) -> Double {
        let start = ContinuousClock.now
        work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
