import ArgumentParser
import Foundation
import ProxyLiteSimulator

/// Measures what a dashboard left running for days costs, against the simulator: idle CPU,
/// bytes to the terminal, launch time, keystroke latency, peak memory and API traffic.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure idle CPU, terminal bytes, launch time, keystroke latency and memory against the simulator.",
        discussion: "Runs this binary's dashboard on a 120×40 pseudo-terminal, as over SSH, and prints one line per figure.",
        subcommands: [
            FuzzDecodersCommand.self, FuzzKeysCommand.self, SoakCommand.self, HistoryBenchmarkCommand.self, MetricsBenchmarkCommand.self,
            FrameBenchmarkCommand.self,
        ])

    @Option(help: "Seconds of idle measurement (the target is stated per minute).") var idleSeconds = 60.0
    @Option(help: "Accounts for the launch measurement.") var launchAccounts = 2_000
    @Option(help: "Accounts for the keystroke and memory measurements.") var largeAccounts = 100_000
    @Option(name: .customLong("large-static-ips"), help: "Static IPs for the memory measurement.") var largeStaticIPs = 50_000
    @Option(help: "Orders for the memory measurement.") var largeOrders = 10_000
    @Option(help: "Seconds of keys on the large world (several accounts polls fall among them).") var keySeconds = 100.0
    @Flag(help: "Skip the large-world measurements (keystroke latency and memory).") var skipLarge = false
    @Option(help: "Write what the dashboard sent to the terminal during the idle window to this file (to see what was redrawn).")
    var idleCapture: String?
    @Option(help: "Also run this monitor (htop, btop …) for the idle window and report the same figures beside ours.")
    var beside: [String] = []
    @Flag(help: "Run the measured dashboards with --no-history (to measure what history adds).") var noHistory = false
    @Flag(help: "Then open every pane once and measure API traffic again (packages, whitelist, catalogue, regions join in).")
    var everyPane = false

    func run() async throws {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        print("proxylite-top benchmark · \(binary)")
        try await idleAndLaunch(binary)
        if !beside.isEmpty {
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("plbench-\(UUID().uuidString)").path
            try await BesideTools(seconds: idleSeconds, environment: environment("-", home: home)).run(beside) { what, value, unit in
                report(what, value, unit, target: "-")
            }
        }
        try await offline(binary)
        if !skipLarge { try await large(binary) }
    }

    /// The API unreachable (connection refused) for a while: the dashboard should wait, not spin.
    private func offline(_ binary: String) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("plbench-\(UUID().uuidString)").path
        // Port 9 (discard) on loopback: nothing listens, so every connection is refused. The HTTP
        // client retries a refused connection until the request's deadline, hence the short one.
        let pty = try PTYProcess(
            path: binary, arguments: ["--base-url", "http://127.0.0.1:9", "--config", "/dev/null", "--timeout", "5"],
            environment: environment(String(repeating: "k", count: 32), home: home), columns: 120, rows: 40)
        defer { pty.stop() }
        guard await pty.waitFor("offline", timeout: .seconds(60)) != nil else {
            throw CLIError(exitCode: 4, message: "the dashboard never said it was offline; it wrote:\n\(pty.text(since: 0).suffix(600))")
        }
        let window = min(idleSeconds, 30)
        let cpuBefore = pty.cpuSeconds
        let start = ContinuousClock.now
        try await Task.sleep(for: .seconds(window))
        let elapsed = seconds(ContinuousClock.now - start)
        report(
            "CPU while the API refuses connections, over \(Int(elapsed)) s", (pty.cpuSeconds - cpuBefore) / elapsed * 100, "% of one core",
            target: "≤ 0.5 %")
    }

    private func environment(_ key: String, home: String) -> [String: String] {
        [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "XDG_STATE_HOME": home + "/state",
            "XDG_CONFIG_HOME": home + "/config", "PROXYLITE_APP_KEY": key, "PATH": "/usr/bin:/bin",
        ]
    }

    private func idleAndLaunch(_ binary: String) async throws {
        var world = SimulatorConfiguration.benchmarkWorld(accounts: launchAccounts)
        world.usageGrowth = false  // no data change: what is measured is the dashboard's own cost
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let (pty, launch) = try await launch(binary, against: simulator, accounts: launchAccounts, timeout: .seconds(30))
        defer { pty.stop() }
        report("launch to first full screen, \(launchAccounts) accounts", launch, "ms", target: "≤ 1000 ms")

        // Settled: the accounts polled twice (rates known: the rate column's one change from "-"
        // to "0 B/s" is not what an idle screen costs a minute), then the frame after it.
        let settle = ContinuousClock.now + .seconds(90)
        while KeystrokeLatency.accountPolls(simulator) < 2, ContinuousClock.now < settle {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await Task.sleep(for: .seconds(3))
        let requestsBefore = simulator.requestCounts.values.reduce(0, +)
        let bytesBefore = pty.byteCount
        let cpuBefore = pty.cpuSeconds
        let clock = ContinuousClock.now
        try await Task.sleep(for: .seconds(idleSeconds))
        let elapsed = seconds(ContinuousClock.now - clock)
        let cpu = (pty.cpuSeconds - cpuBefore) / elapsed * 100
        let bytesPerMinute = Double(pty.byteCount - bytesBefore) / elapsed * 60
        if let idleCapture { try pty.text(since: bytesBefore).write(toFile: idleCapture, atomically: true, encoding: .utf8) }
        let requests = simulator.requestCounts.values.reduce(0, +) - requestsBefore
        report("idle CPU over \(Int(elapsed)) s at default intervals", cpu, "% of one core", target: "≤ 0.05 %")
        report("bytes to the terminal per minute, no data change", bytesPerMinute, "B/min", target: "≤ 300 B")
        report("API requests per hour while idle", Double(requests) / elapsed * 3600, "req/h", target: "a provider would not frown")
        let memory = ProcessMemory(pid: pty.pid)
        report(
            "peak resident memory (VmHWM), \(launchAccounts) accounts, after \(Int(elapsed + 3)) s",
            Double(memory?.peakResidentBytes ?? 0) / 1_048_576, "MB", target: "≤ 25 MB")
        report("private memory, \(launchAccounts) accounts", Double(memory?.privateBytes ?? 0) / 1_048_576, "MB", target: "-")
        guard everyPane else { return }
        for pane in ["5", "6", "7", "8", "3", "1"] {
            pty.send(pane)
            try await Task.sleep(for: .seconds(1))
        }
        try await Task.sleep(for: .seconds(3))
        let before = simulator.requestCounts.values.reduce(0, +)
        let cpuStart = pty.cpuSeconds
        let start = ContinuousClock.now
        try await Task.sleep(for: .seconds(idleSeconds))
        let window = seconds(ContinuousClock.now - start)
        let all = simulator.requestCounts.values.reduce(0, +) - before
        report("idle CPU, every pane opened once", (pty.cpuSeconds - cpuStart) / window * 100, "% of one core", target: "≤ 0.5 %")
        report("API requests per hour while idle, every pane opened once", Double(all) / window * 3600, "req/h", target: "-")
    }

    /// The benchmark world (docs/benchmark-world.md) at scale, usage growing: keystroke latency
    /// per sort column and for filter typing (keys during a poll apart), then memory once every
    /// static IP and order is loaded and the accounts have been polled again.
    private func large(_ binary: String) async throws {
        let world = SimulatorConfiguration.benchmarkWorld(
            accounts: largeAccounts, staticIPs: largeStaticIPs, orders: largeOrders)
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let (pty, launch) = try await launch(binary, against: simulator, accounts: largeAccounts, timeout: .seconds(120))
        defer { pty.stop() }
        report("launch to first full screen, \(largeAccounts) accounts", launch, "ms", target: "-")
        try await Task.sleep(for: .seconds(1))

        var keys = KeystrokeLatency(pty: pty, simulator: simulator)
        let samples = try await keys.run(seconds: keySeconds)
        print("keystroke to complete frame, \(largeAccounts) accounts (benchmark world, seed 14)        p50     p95     p99")
        for line in KeystrokeLatency.report(samples) { print(line) }
        let quiet = samples.filter { !$0.duringPoll }.map(\.milliseconds).sorted()
        report(
            "keystroke to frame, every sort column and filter typing, p95 (not during a poll)",
            FrameBenchmarkCommand.percentile(quiet, 0.95), "ms", target: "≤ 16 ms")

        // Wait for every page of static IPs and orders, then for one more accounts poll.
        let ipPages = (largeStaticIPs + 499) / 500
        let orderPages = (largeOrders + 99) / 100
        let deadline = ContinuousClock.now + .seconds(240)
        while ContinuousClock.now < deadline {
            let counts = simulator.requestCounts
            if counts["ip/get-static-ip", default: 0] >= ipPages, counts["order/list", default: 0] >= orderPages { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let polls = KeystrokeLatency.accountPolls(simulator)
        while ContinuousClock.now < deadline, KeystrokeLatency.accountPolls(simulator) == polls {
            try await Task.sleep(for: .milliseconds(500))
        }
        try await Task.sleep(for: .seconds(5))
        let memory = ProcessMemory(pid: pty.pid)
        let what = "\(largeAccounts) accounts + \(largeStaticIPs) static IPs + \(largeOrders) orders, after a re-poll"
        report("peak resident memory (VmHWM), \(what)", Double(memory?.peakResidentBytes ?? 0) / 1_048_576, "MB", target: "≤ 80 MB")
        report("private memory, \(what)", Double(memory?.privateBytes ?? 0) / 1_048_576, "MB", target: "-")
    }

    /// Starts the dashboard against `simulator` on a 120×40 pseudo-terminal and waits for its
    /// first screen with every account; returns it and the milliseconds that took.
    private func launch(
        _ binary: String, against simulator: Simulator, accounts: Int, timeout: Duration
    ) async throws
        -> (PTYProcess, Double)
    {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("plbench-\(UUID().uuidString)").path
        let started = ContinuousClock.now
        let pty = try PTYProcess(
            path: binary,
            arguments: ["--base-url", simulator.baseURL.absoluteString, "--config", "/dev/null"] + (noHistory ? ["--no-history"] : []),
            environment: environment(simulator.configuration.appKey, home: home), columns: 120, rows: 40)
        guard let shown = await pty.waitFor("\(accounts) / \(accounts)", timeout: timeout) else {
            pty.stop()
            throw CLIError(
                exitCode: 4,
                message: "the dashboard did not show \(accounts) accounts in time; it wrote:\n\(pty.text(since: 0).suffix(600))")
        }
        return (pty, ms(shown - started))
    }

    private func report(_ what: String, _ value: Double, _ unit: String, target: String) {
        let padded = what.padding(toLength: max(what.count, 86), withPad: " ", startingAt: 0)
        let number = String(format: "%10.2f", value)
        print("\(padded) \(number) \(unit.padding(toLength: 14, withPad: " ", startingAt: 0)) target \(target)")
        fflush(nil)
    }

    private func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    private func ms(_ d: Duration) -> Double { seconds(d) * 1000 }
}
