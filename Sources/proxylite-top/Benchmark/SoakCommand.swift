import ArgumentParser
import Foundation
import Monitor
import ProxyLiteSimulator

/// `benchmark soak`: days of the poller, store and renderer against the simulator on one
/// simulated clock (the test suite runs six hours of it). Prints memory and descriptors at hour 1
/// and at the end, and the requests made against what the polling policy allows.
struct SoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the poller, store and renderer for simulated days; report memory, descriptors and request counts.")

    @Option(help: "Simulated hours.") var hours = 72.0
    @Option(help: "Sub-accounts in the simulated world.") var accounts = 2_000
    @Option(help: "Seed of the world and of its faults.") var seed: UInt64 = 72

    func validate() throws {
        guard hours >= 2, hours <= 24 * 30 else { throw ValidationError("--hours must be between 2 and 720.") }
        guard accounts > 0 else { throw ValidationError("--accounts must be positive.") }
    }

    func run() async throws {
        var options = SoakRun.Options()
        options.hours = hours
        options.accounts = accounts
        options.seed = seed
        print(
            "proxylite-top benchmark soak · \(Int(hours)) simulated hours · \(accounts) accounts · 5xx \(options.errorRate * 100) %, "
                + "unreadable \(options.malformedRate * 100) %, hostile rows \(options.hostileRows * 100) %, an outage of \(options.outage.lasting) at \(options.outage.after)"
        )
        let report = try await SoakRun(options: options).run { print($0) }
        func mb(_ bytes: Int) -> String { String(format: "%.2f MB", Double(bytes) / 1_048_576) }
        func pct(_ value: Double) -> String { String(format: "%+.1f %%", value * 100) }
        print(
            "wall time              \(Int(report.wallSeconds)) s (polling \(Int(report.pollSeconds)) s, drawing \(Int(report.renderSeconds)) s)"
        )
        print(
            "heap in use (mallinfo2) \(mb(report.first.heapBytes)) at hour \(Int(report.first.hour)) → \(mb(report.last.heapBytes)) "
                + "at hour \(Int(report.last.hour)) (\(pct(report.growth(\.heapBytes))))")
        print(
            "resident (RSS)         \(mb(report.first.residentBytes)) → \(mb(report.last.residentBytes)) "
                + "(\(pct(report.growth(\.residentBytes))))")
        print("descriptors            \(report.first.descriptors) → \(report.last.descriptors)")
        print("heap by hour           \(report.hourly.map { mb($0.heapBytes) }.joined(separator: " "))")
        print("heap bytes by hour     \(report.hourly.map { String($0.heapBytes) }.joined(separator: " "))")
        print("RSS bytes by hour      \(report.hourly.map { String($0.residentBytes) }.joined(separator: " "))")
        print("frames drawn           \(report.frames)")
        for (path, count) in report.requests.sorted(by: { $0.key < $1.key }) {
            print("requests \(path.padding(toLength: 28, withPad: " ", startingAt: 0)) \(count)")
        }
        let failures = report.failures.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")
        print("failed polls           \(failures)")
    }
}
