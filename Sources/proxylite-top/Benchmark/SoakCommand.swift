import ArgumentParser
import Foundation
import Monitor
import ProxyLiteSimulator

/// `benchmark soak`: days of the poller, store and renderer against the simulator on one
/// simulated clock (the test suite runs six hours of it). Prints memory and descriptors after the
/// warm-up and at the end, the hourly heap curve and its slope, and the requests made against
/// what the polling policy allows; exits 1 if they broke it.
struct SoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the poller, store and renderer for simulated days; report memory, descriptors and request counts.")

    @Option(help: "Simulated hours.") var hours = 72.0
    @Option(help: "Sub-accounts in the simulated world.") var accounts = 2_000
    @Option(help: "Seed of the world and of its faults.") var seed: UInt64 = 72
    @Flag(
        help: """
            Keep glibc's per-thread malloc caches, as the dashboard runs. By default the soak runs itself again with them \
            off (GLIBC_TUNABLES=glibc.malloc.tcache_count=0): mallinfo2 counts the freed chunks each thread keeps as in use, \
            and those caches fill for hours as rarer sizes come along.
            """)
    var tcache = false

    func validate() throws {
        guard hours >= 2, hours <= 24 * 30 else { throw ValidationError("--hours must be between 2 and 720.") }
        guard accounts > 0 else { throw ValidationError("--accounts must be positive.") }
    }

    func run() async throws {
        if !tcache { Self.runAgainWithoutThreadCaches() }
        var options = SoakRun.Options()
        options.hours = hours
        options.accounts = accounts
        options.seed = seed
        print(
            "proxylite-top benchmark soak · \(Int(hours)) simulated hours · \(accounts) accounts · 5xx \(options.errorRate * 100) %, "
                + "unreadable \(options.malformedRate * 100) %, hostile rows \(options.hostileRows * 100) %, "
                + "trickled \(options.trickleRate * 100) % (\(options.trickleChunk >> 10) KB pieces \(options.trickle) apart), "
                + "an outage of \(Self.minutes(options.outage.lasting)) at \(Self.minutes(options.outage.after))"
                + (options.outage.every.map { ", again every \(Self.minutes($0))" } ?? "")
        )
        print(
            Self.threadCachesOff
                ? "heap measured with glibc's per-thread malloc caches off (\(Self.noThreadCaches))"
                : "heap measured with glibc's per-thread malloc caches on: freed chunks they keep count as in use")
        let report = try await SoakRun(options: options).run { print($0) }
        func mb(_ bytes: Int) -> String { String(format: "%.2f MB", Double(bytes) / 1_048_576) }
        func pct(_ value: Double) -> String { String(format: "%+.1f %%", value * 100) }
        print(
            "wall time              \(Int(report.wallSeconds)) s (polling \(Int(report.pollSeconds)) s, drawing \(Int(report.renderSeconds)) s)"
        )
        print(
            "heap in use (mallinfo2) \(mb(report.first.heapBytes)) at hour \(Int(report.first.hour)) → \(mb(report.last.heapBytes)) "
                + "at hour \(Int(report.last.hour)) (\(pct(report.growth(\.heapBytes))); hours before \(report.warmUpHours) are warm-up)")
        print(
            "resident (RSS)         \(mb(report.first.residentBytes)) → \(mb(report.last.residentBytes)) "
                + "(\(pct(report.growth(\.residentBytes))))")
        print(
            String(
                format: "slope (least squares)  heap %+.0f bytes/hour, RSS %+.0f bytes/hour, hours %d to %d", report.slope(\.heapBytes),
                report.slope(\.residentBytes), Int(report.first.hour), Int(report.last.hour)))
        print("descriptors            \(report.first.descriptors) → \(report.last.descriptors)")
        print("heap by hour           \(report.hourly.map { mb($0.heapBytes) }.joined(separator: " "))")
        print("heap bytes by hour     \(report.hourly.map { String($0.heapBytes) }.joined(separator: " "))")
        print("RSS bytes by hour      \(report.hourly.map { String($0.residentBytes) }.joined(separator: " "))")
        print("frames drawn           \(report.frames)")
        print(
            String(
                format: "rate cap               %g/s, burst %d, on the simulated clock: %d waits, %.1f simulated s in all",
                report.requestsPerSecond, report.burst, report.capWaits, report.capWaitSeconds))
        print("trickled answers       \(report.trickled)")
        for (path, count) in report.requests.sorted(by: { $0.key < $1.key }) {
            print("requests \(path.padding(toLength: 28, withPad: " ", startingAt: 0)) \(count)")
        }
        let failures = report.traffic.filter { $0.value.failed > 0 }.map { "\($0.key.rawValue) \($0.value.failed)" }.sorted()
        print("failed polls           \(failures.joined(separator: ", "))")
        print("policy                 resource     every  polls  failed  requests  allowed polls  expected ok")
        for (resource, traffic) in report.traffic.sorted(by: { $0.key < $1.key }) {
            print(
                "policy                 \(resource.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                    + String(
                        format: "%5ds %6d %7d %9d %14d %11d", Int(SoakRun.seconds(report.policy.interval(resource))), traffic.polls,
                        traffic.failed, traffic.requests, report.allowedPolls(resource), report.expectedPolls(resource)))
        }
        let violations = report.policyViolations
        if violations.isEmpty {
            print("polling policy         kept")
        } else {
            for violation in violations { print("polling policy broken  \(violation)") }
            throw ExitCode.failure
        }
    }

    static func minutes(_ duration: Duration) -> String {
        let minutes = Int(SoakRun.seconds(duration) / 60)
        return minutes % 60 == 0 ? "\(minutes / 60) h" : minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    static let noThreadCaches = "glibc.malloc.tcache_count=0"

    static var threadCachesOff: Bool {
        (ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? "").split(separator: ":").contains(Substring(noThreadCaches))
    }

    /// Replaces the process with itself, same arguments, with glibc's thread caches off (a
    /// tunable is read only at start). Returns only if they are off already or exec fails.
    static func runAgainWithoutThreadCaches() {
        guard !threadCachesOff else { return }
        var environment = ProcessInfo.processInfo.environment
        let tunables = environment["GLIBC_TUNABLES"] ?? ""
        environment["GLIBC_TUNABLES"] = tunables.isEmpty ? noThreadCaches : tunables + ":" + noThreadCaches
        let argv = CommandLine.arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        execve("/proc/self/exe", argv, envp)
        for pointer in argv + envp { free(pointer) }
    }
}
