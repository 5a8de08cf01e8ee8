import ArgumentParser
import Foundation

/// `benchmark frames`: the curses thread's work for each key and poll on the benchmark world, in
/// memory: wall time per step, and with `--callgrind` instructions per step under valgrind
/// (which a busy machine does not disturb).
struct FrameBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Time (or count the instructions of) each sort, filter key, poll and frame on the benchmark world, in memory.",
        discussion: """
            The dashboard's state machine and renderer at 120×40 on the world of docs/benchmark-world.md, fetched through \
            the real client and store. Reports p50/p95/p99 per step; --callgrind runs one round under \
            valgrind --tool=callgrind and reports instructions per step instead.
            """)

    @Option(help: "Accounts in the benchmark world.") var accounts = 100_000
    @Option(help: "The benchmark world's seed.") var seed: UInt64 = 14
    @Option(help: "Rounds of every step (wall time).") var rounds = 20
    @Flag(help: "Count instructions per step under valgrind's callgrind (one round) instead of timing.") var callgrind = false
    @Flag(help: .hidden) var underCallgrind = false

    func run() async throws {
        if callgrind { return try countInstructions() }
        let bench = try await FrameBenchmark.load(accounts: accounts, seed: seed, apart: .seconds(2))
        let steps = bench.steps(rounds: underCallgrind ? 1 : rounds)
        if underCallgrind {
            _ = bench.run(steps)
            for step in steps { print("step\t\(step.label)") }
            return
        }
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

    /// Runs this command again under callgrind, counting only inside `benchmarkMeasuredStep`
    /// and dumping after each call, then reads one total per dump.
    private func countInstructions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plcallgrind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=*benchmarkMeasuredStep*",
            "--dump-after=*benchmarkMeasuredStep*", "--callgrind-out-file=\(directory.path)/cg.out", binary, "benchmark",
            "frames", "--accounts", String(accounts), "--seed", String(seed), "--under-callgrind",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(
                exitCode: 4, message: "valgrind --tool=callgrind exited with \(process.terminationStatus) (is valgrind installed?)")
        }
        let labels = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("step\t") ? String(line.dropFirst(5)) : nil
        }
        let counts = try Self.dumpTotals(directory)
        guard counts.count >= labels.count else {
            throw CLIError(exitCode: 4, message: "callgrind wrote \(counts.count) dumps for \(labels.count) steps")
        }
        print("proxylite-top benchmark frames --callgrind · \(accounts) accounts · seed \(seed) · instructions per step")
        for (label, values) in Self.grouped(zip(labels, counts.prefix(labels.count).map { Double($0) })) {
            let sorted = values.sorted()
            print(
                label.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: "%14.0f (median of %d)", Self.percentile(sorted, 0.5), sorted.count))
        }
    }

    /// The `totals:` (or `summary:`) line of each dump `cg.out.N`, in the order N.
    static func dumpTotals(_ directory: URL) throws -> [Int] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let numbered = names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("cg.out."), let n = Int(name.dropFirst(7).split(separator: "-").first ?? "") else { return nil }
            return (n, name)
        }.sorted { $0.0 < $1.0 }
        return try numbered.map { _, name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let line = text.split(separator: "\n").last { $0.hasPrefix("totals:") || $0.hasPrefix("summary:") }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
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
