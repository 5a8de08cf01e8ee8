import ArgumentParser
import Foundation
import ProxyLiteAPI

/// `benchmark fuzz-decoders`: the long run of the decoder fuzzer (the test suite runs a short
/// one). Mutates the corpus (the reference's examples and simulator answers, with and without
/// quirks) and runs every decoder on each mutation; prints the mutations run, crashes (a crash
/// ends the process, so a finished run has none) and the throughput.
struct FuzzDecodersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz-decoders",
        abstract: "Run every API decoder on seeded mutations of the corpus for a while; report mutations, crashes and throughput.")

    @Option(help: "Minutes to run.") var minutes = 10.0
    @Option(help: "Seed of the mutations: the same seed and corpus give the same inputs.") var seed: UInt64 = 1
    @Option(help: "First input to run (to replay the input a crash names).") var start: UInt64 = 0
    @Option(help: "Folder of seed inputs (JSON files).") var corpus = "Tests/Fuzz/corpus"

    func validate() throws {
        guard minutes > 0, minutes.isFinite else { throw ValidationError("--minutes must be positive.") }
    }

    func run() throws {
        let inputs = try FuzzCorpus.load(corpus)
        guard !inputs.isEmpty else { throw CLIError(exitCode: 2, message: "no .json files in \(corpus)") }
        print("proxylite-top benchmark fuzz-decoders · seed \(seed) · \(inputs.count) seed inputs from \(corpus) · \(minutes) min")
        let deadline = minutes * 60
        var nextLine = 30.0
        let report = DecoderFuzz.run(FuzzMutator(corpus: inputs, seed: seed), first: start) { report in
            if report.seconds >= nextLine {
                // The input number goes out before the next batch: a crash is replayed with --start.
                print("  \(Int(report.seconds)) s: \(report.mutations) mutations (inputs \(start)…\(start + report.mutations))")
                fflush(nil)
                nextLine += 30
            }
            return report.seconds < deadline
        }
        print("mutations run          \(report.mutations)")
        print("crashes                0")
        print("throughput             \(Int(report.perSecond)) mutations/s over \(Int(report.seconds)) s")
        print("decoder acceptances    \(report.accepted) (rows read \(report.rows), values unreadable \(report.unreadableValues))")
    }
}

/// The fuzzer's seed inputs: every `.json` file of a folder, in name order.
enum FuzzCorpus {
    static func load(_ folder: String) throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0))) }
    }
}
