import Foundation
import ProxyLiteSimulator
import TerminalUI

/// Keys sent to a dashboard on a pseudo-terminal, each timed from its write to the last byte of
/// the frame it caused, and reported by what it does: every sort column, filter typing. A key
/// is reported apart when an accounts poll was answered from 3 s before it was sent to the end
/// of its frame: then the curses thread may also be taking in 100 000 new rows.
struct KeystrokeLatency {
    struct Sample {
        var label: String
        var milliseconds: Double
        var duringPoll: Bool
    }

    let pty: PTYProcess
    let simulator: Simulator
    /// When the accounts list was last seen answered, and how often it had been then.
    private var lastPoll: (count: Int, seen: ContinuousClock.Instant) = (0, .now)

    init(pty: PTYProcess, simulator: Simulator) {
        self.pty = pty
        self.simulator = simulator
        lastPoll = (Self.accountPolls(simulator), .now)
    }

    static func accountPolls(_ simulator: Simulator) -> Int { simulator.requestCounts["whitelist-account/list", default: 0] }

    /// Rounds of: `s` once per sort column, then `/`, three letters typed, three erased, Esc;
    /// until `seconds` have passed (so that several polls fall among the keys).
    mutating func run(seconds: Double) async throws -> [Sample] {
        var samples: [Sample] = []
        let shown = AccountColumn.defaults
        var column = AccountSort().column
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            for _ in shown {
                column = shown[(shown.firstIndex(of: column)! + 1) % shown.count]
                samples.append(try await press("s", label: "sort \(column.title)"))
            }
            samples.append(try await press("/", label: "open filter"))
            for key in ["a", "B", "3"] { samples.append(try await press(key, label: "filter typing")) }
            for _ in 0..<3 { samples.append(try await press("\u{7f}", label: "filter erasing")) }
            // Esc needs curses' escape delay to pass before it is reported; that wait is not ours.
            try await Task.sleep(for: .milliseconds(200))
            samples.append(try await press("\u{1b}", label: "close filter", discount: 25))
        }
        return samples
    }

    private mutating func press(_ key: String, label: String, discount: Double = 0) async throws -> Sample {
        notePolls()
        let pollBefore = ContinuousClock.now - lastPoll.seen < .seconds(3)
        let mark = pty.byteCount
        let sent = ContinuousClock.now
        pty.send(key)
        guard let frame = await pty.burst(after: mark, quiet: .milliseconds(40), timeout: .seconds(20)) else {
            throw CLIError(exitCode: 4, message: "no frame after key \(key.debugDescription)")
        }
        let polled = notePolls()
        try await Task.sleep(for: .milliseconds(60))
        let ms = Double((frame.last - sent).components.attoseconds) / 1e15 + Double((frame.last - sent).components.seconds) * 1000
        return Sample(label: label, milliseconds: ms - discount, duringPoll: pollBefore || polled)
    }

    /// Whether the accounts list was answered since last looked at.
    @discardableResult private mutating func notePolls() -> Bool {
        let count = Self.accountPolls(simulator)
        guard count != lastPoll.count else { return false }
        lastPoll = (count, .now)
        return true
    }

    /// One line per label: p50, p95, p99 and the count, quiet keys and keys during a poll apart.
    static func report(_ samples: [Sample]) -> [String] {
        var lines: [String] = []
        for duringPoll in [false, true] {
            let chosen = samples.filter { $0.duringPoll == duringPoll }
            guard !chosen.isEmpty else { continue }
            let pairs = chosen.map { ($0.label + (duringPoll ? ", during a poll" : "")) }
            for (label, values) in FrameBenchmarkCommand.grouped(zip(pairs, chosen.map(\.milliseconds))) {
                let sorted = values.sorted()
                let numbers = [0.5, 0.95, 0.99].map { String(format: "%8.1f", FrameBenchmarkCommand.percentile(sorted, $0)) }
                lines.append(
                    "  " + label.padding(toLength: 40, withPad: " ", startingAt: 0) + numbers.joined() + "  ms  (n=\(sorted.count))")
            }
        }
        return lines
    }
}
