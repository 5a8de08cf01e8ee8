import ArgumentParser
import Foundation
import Monitor

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
    @Option(help: "Write the two account list answers to this folder, for --answers.") var saveAnswers: String?
    @Option(
        help: ArgumentHelp(
            "Read the two account list answers from this folder (written by --save-answers): no simulator, no network.",
            discussion: "The same input on every machine, and nothing but the dashboard's work in the process."))
    var answers: String?
    @Option(
        help: ArgumentHelp(
            "Time and count only the steps whose label starts with this (e.g. \"sort\", \"filter typing\").",
            discussion: "The others still run (a filter key needs the filter open), outside the function callgrind is told to count."))
    var only: String?

    func validate() throws {
        if saveAnswers != nil && answers != nil { throw ValidationError("--save-answers and --answers cannot be used together") }
    }

    func run() async throws {
        let bench: FrameBenchmark
        if let answers {
            bench = try await FrameBenchmark.replay(from: URL(fileURLWithPath: answers), providerOffset: 8 * 3600, apart: 2)
        } else {
            let folder = saveAnswers.map { URL(fileURLWithPath: $0) }
            if let folder { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            bench = try await FrameBenchmark.load(accounts: accounts, seed: seed, apart: .seconds(2), saveTo: folder)
        }
        let steps = bench.steps(rounds: rounds)
        _ = bench.run(bench.steps(rounds: 1), counts: { _ in false })  // warm-up: first calls of every path
        let counted = { (step: FrameBenchmark.Step) in only.map(step.label.hasPrefix) ?? true }
        let times = bench.run(steps, counts: counted)
        let count = bench.second.accounts.value?.count ?? 0
        print("proxylite-top benchmark frames · \(count) accounts · seed \(seed) · \(rounds) rounds · 120×40")
        print("step".padding(toLength: 28, withPad: " ", startingAt: 0) + "      p50      p95      p99  (ms)")
        for (label, values) in Self.grouped(zip(steps.filter(counted).map(\.label), times)) {
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
