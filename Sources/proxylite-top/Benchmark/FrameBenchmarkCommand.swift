import ArgumentParser
import Foundation

/// `benchmark frames`: the curses thread's work for each key and poll on the benchmark world, in
/// memory: wall time per step, without the terminal's share.
struct FrameBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Time each sort, filter key, poll and frame on the benchmark world, in memory.",
        discussion: """
            The dashboard's state machine and renderer at 120×40 on the world of docs/benchmark-world.md, fetched through \
            the real client and store. Reports p50/p95/p99 per step.
            """)

    @Option(help: "Accounts in the benchmark world.") var accounts = 100_000
    @Option(help: "The benchmark world's seed.") var seed: UInt64 = 14
    @Option(help: "Rounds of every step (wall time).") var rounds = 20

    func run() async throws {
        let bench = try await FrameBenchmark.load(accounts: accounts, seed: seed, apart: .seconds(2))
        let steps = bench.steps(rounds: rounds)
        _ = bench.run(bench.steps(rounds: 1))  // warm-up: first calls of every path
        let times = bench.run(steps)
        print("proxylite-top benchmark frames · \(accounts) accounts · seed \(seed) · \(rounds) rounds · 120×40")
        print("step".padding(toLength: 28, withPad: " ", startingAt: 0) + "      p50      p95      p99  (ms)")
        for (label, values) in Self.grouped(zip(steps.map(\.label), times)) {
            let sorted = values.sorted()
            let row = [0.5, 0.95, 0.99].map { String(format: "%9.2f", Self.percentile(sorted, $0)) }.joined()
            print(label.padding(toLength: 28, withPad: " ", startingAt: 0) + row)
        }
    }

    /// Values by label, labels in their first order.
    static func grouped(_ pairs: some Sequence<(String, Double)>) -> [(String, [Double])] {
        var order: [String] = []
        var values: [String: [Double]] = [:]
        for (label, value) in pairs {
            if values[label] == nil { order.append(label) }
            values[label, default: []].append(value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
