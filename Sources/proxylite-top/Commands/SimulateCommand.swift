import ArgumentParser
import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator

extension KeyPlacement: ExpressibleByArgument {}
extension OrderReading: ExpressibleByArgument {}
extension WorldStyle: ExpressibleByArgument {}

/// Runs the simulator of the ProxyLite API on its own, for trying the dashboard against it from
/// another terminal or for scripts.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Serve a simulated ProxyLite API on 127.0.0.1 until interrupted.")

    @Option(help: "Port to listen on; 0 picks a free one.") var port = 0
    @Option(help: "Seed of the simulated world.") var seed: UInt64 = 2026
    @Option(help: "Number of sub-accounts.") var accounts = 60
    @Option(
        help:
            "catalogue: the demo's accounts; benchmark: the benchmark's (docs/benchmark-world.md: mixed scripts, numbers as strings; with its seed 14 and --hostile-rows 0.001)."
    ) var world: WorldStyle = .catalogue
    @Option(name: .customLong("static-ips"), help: "Number of static IPs.") var staticIPs = 80
    @Option(help: "Number of orders.") var orders = 50
    @Option(help: "Number of purchased packages.") var packages = 12
    @Option(help: "Seconds until deletes, disables and password changes apply (the provider's is ~300).")
    var applyDelay = 20.0
    @Option(help: "Seconds until an unpaid order is cancelled.") var orderTimeout = 900.0
    @Option(help: "The key the simulator accepts; the demo key when not given.") var key: String?
    @Option(help: "Path prefix of the API.") var pathPrefix = "/end-point"
    @Flag(inversion: .prefixedNo, help: "Send the PHP-style shapes the real API sends (numbers as strings, [] for {}).")
    var quirks = true
    @Flag(help: "proxy-ip/delete asks for verify_type and verify_code (code 246810).")
    var verifyWhitelistDeletes = false

    @Option(help: "Milliseconds added to every answer.") var latency = 0
    @Option(help: "Share of answers (0–1) that are HTTP 500 with an HTML body.") var errorRate = 0.0
    @Option(help: "Share of answers (0–1) that are truncated JSON.") var malformedRate = 0.0
    @Option(help: "Share of requests (0–1) that never get an answer.") var hangRate = 0.0
    @Option(help: "Start an outage (HTTP 503) this many seconds after start.") var outageAfter: Double?
    @Option(help: "Length of the outage in seconds.") var outageFor = 30.0
    @Option(help: "Repeat the outage this many seconds after each start.") var outageEvery: Double?
    @Option(help: "Where app_key is read: reference (query, or a POST's body), query, body.")
    var keyPlacement: KeyPlacement = .reference
    @Option(help: "shared: order/create and order/check both take renew_duration as 1m/2m/em; create-table: create wants an integer.")
    var orderReading: OrderReading = .shared
    @Flag(help: "Answer every request HTTP 401 with a JSON body that has no code.") var codelessUnauthorized = false
    @Option(help: "Answer every request with a 307 to this origin (e.g. http://127.0.0.1:9).") var redirectTo: String?
    @Option(help: "Milliseconds a write waits, already applied, before it is answered.") var slowWrites = 0
    @Option(help: "Share of answers (0–1) cut off half-way, connection closed.") var cutOffRate = 0.0
    @Option(help: "Milliseconds a trickled answer pauses between the pieces of its body; 0 trickles none.")
    var trickle = 0
    @Option(help: "Share of successful answers (0–1) that trickle, when --trickle is set.") var trickleRate = 1.0
    @Option(help: "Bytes of a trickled body sent between two pauses; 0 sends two halves.") var trickleChunk = 0
    @Option(
        help:
            "Share of list rows (0–1) served with one hostile value: 1e30, Int64.max as text, negative counts, 2199/0000/month-13 dates, NaN, a missing id."
    ) var hostileRows = 0.0
    @Option(help: "Which rows are hostile, and how.") var hostileSeed: UInt64 = 1

    func validate() throws {
        for (name, rate) in [
            ("--error-rate", errorRate), ("--malformed-rate", malformedRate), ("--hang-rate", hangRate), ("--cut-off-rate", cutOffRate),
            ("--hostile-rows", hostileRows), ("--trickle-rate", trickleRate),
        ]
        where !(0...1).contains(rate) {
            throw ValidationError("\(name) is a share between 0 and 1, not \(rate).")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if let outageEvery, outageEvery <= outageFor {
            throw ValidationError("--outage-every must be longer than --outage-for.")
        }
        guard trickle >= 0, trickleChunk >= 0 else { throw ValidationError("--trickle and --trickle-chunk cannot be negative.") }
        guard accounts >= 0, staticIPs >= 0, orders >= 0, packages >= 0 else {
            throw ValidationError("counts cannot be negative.")
        }
        if let key, key.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--key cannot be empty.") }
    }

    var simulatorConfiguration: SimulatorConfiguration {
        var configuration = SimulatorConfiguration(
            seed: seed, accounts: accounts, staticIPs: staticIPs, orders: orders, packages: packages,
            appKey: key ?? SimulatorConfiguration.demoKey, keyPlacement: keyPlacement, orderReading: orderReading,
            pathPrefix: pathPrefix,
            applyDelay: .milliseconds(Int(clamping: applyDelay * 1000)), orderTimeout: .milliseconds(Int(clamping: orderTimeout * 1000)),
            quirks: quirks, whitelistDeleteNeedsVerification: verifyWhitelistDeletes,
            faults: FaultPlan(
                latency: .milliseconds(latency), errorRate: errorRate, malformedRate: malformedRate, hangRate: hangRate,
                outage: outageAfter.map {
                    FaultPlan.Outage(
                        after: .milliseconds(Int(clamping: $0 * 1000)), lasting: .milliseconds(Int(clamping: outageFor * 1000)),
                        every: outageEvery.map { .milliseconds(Int(clamping: $0 * 1000)) })
                }, codelessUnauthorized: codelessUnauthorized, redirectTo: redirectTo, slowWrites: .milliseconds(slowWrites),
                cutOffRate: cutOffRate, trickle: .milliseconds(trickle), trickleRate: trickleRate, trickleChunk: trickleChunk))
        configuration.faults.hostileRows = hostileRows
        configuration.faults.hostileSeed = hostileSeed
        configuration.world = world
        return configuration
    }

    func run() async throws {
        let simulator = try await Simulator.start(simulatorConfiguration, port: port)
        let keyLine = key == nil ? "demo key:  \(SimulatorConfiguration.demoKey)" : "key:       (as given with --key)"
        print(
            """
            ProxyLite simulator listening
            base URL:  \(simulator.baseURL.absoluteString)
            prefix:    \(pathPrefix)
            \(keyLine)
            try:       PROXYLITE_APP_KEY=<key> proxylite-top --base-url \(simulator.baseURL.absoluteString)
            """)
        fflush(nil)
        try await withTaskCancellationHandler {
            try await simulator.wait()
        } onCancel: {
            Task { await simulator.stop() }
        }
    }
}
