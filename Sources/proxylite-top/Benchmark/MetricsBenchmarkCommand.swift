import ArgumentParser
import Exporter
import Foundation

/// `benchmark metrics`: what one scrape of the exporter costs, in time and memory, at a size and
/// a cardinality. One setting per run, so that each run's memory is its own.
struct MetricsBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Measure one /metrics scrape: time and resident memory at N accounts, for one --metrics-top setting.",
        discussion: """
            A made-up profile of N accounts (usage, limits and rates all set), N/2 static IPs and N/20 \
            packages. The first scrape builds every series; the second follows a poll that changed \
            every account's usage and rate. Run it once per setting: proxylite-top benchmark metrics \
            --accounts 100000 --metrics-top 100 (then all, then none).
            """)

    @Option(help: "Sub-accounts.") var accounts = 100_000
    @Option(help: ArgumentHelp("Series per subject kind: a number, all or none.", valueName: "n|all|none"))
    var metricsTop = "100"

    func validate() throws {
        guard accounts > 0, accounts <= 2_000_000 else { throw ValidationError("--accounts must be from 1 to 2000000.") }
        if (try? MetricsCardinality(parsing: metricsTop)) == nil {
            throw ValidationError("--metrics-top takes a number of series, all or none, not '\(metricsTop)'.")
        }
    }

    func run() throws {
        let cardinality = (try? MetricsCardinality(parsing: metricsTop)) ?? .default  // checked in validate()
        print(ExporterBenchmark.run(accounts: accounts, cardinality: cardinality))
    }
}
