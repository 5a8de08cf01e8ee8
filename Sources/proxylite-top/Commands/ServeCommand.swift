import ArgumentParser
import Exporter
import Foundation
import Logging
import Monitor
import ProxyLiteAPI

/// The pollers without a screen: every profile's history and alerts, and the Prometheus exporter.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Watch every profile headless and serve Prometheus metrics.",
        discussion: """
            For a team: run serve where Prometheus can reach it, and point Grafana and alerting at \
            Prometheus (contrib/ holds alert rules, a Grafana dashboard and a systemd unit).
            Logs go to the log file. SIGTERM or SIGINT shuts down in order (history closed, locks \
            released); SIGHUP re-reads the key files and resumes a poller stopped by a rejected key.
            """)

    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @OptionGroup(title: "Metrics") var metrics: MetricsOptions
    @OptionGroup(title: "History") var history: HistoryOptions

    @Option(help: .hidden) var keyCheckSeconds = 60.0

    static let defaultListen = "127.0.0.1:9464"

    func run() async throws {
        try await reportingErrors {
            let config = try connection.loadConfig()
            let profiles = try connection.watchedProfiles(config)
            // `serve` always listens; the dashboard only when asked.
            guard let (listen, token) = try metrics.endpoint(default: Self.defaultListen) else { return }
            // Signals are caught before anything starts, so that a SIGTERM during start-up still shuts down in order.
            let signals = ProcessSignals.stream()
            MemoryTuning.apply()
            _ = FileLogHandler.bootstrap()
            let logger = Logger(label: "proxylite.serve")
            let exporter = MetricsExporter(cardinality: metrics.cardinality)
            // The port first: when it is taken, nothing else is started (no histories locked, no
            // polls sent) only to be torn down again, over and over under a restarting supervisor.
            let server: MetricsServer
            do {
                server = try await MetricsServer.start(
                    exporter: exporter, host: listen.host, port: listen.port, bearerToken: token, logger: logger)
            } catch {
                throw CLIError(exitCode: 2, message: "cannot listen on \(listen): \(error)")
            }
            let shared = ProfileRuntime.Shared(
                options: connection, history: history, configPath: config.path, readOnly: true,
                keyCheck: .milliseconds(Int(clamping: max(0.1, keyCheckSeconds) * 1000)), caps: RateCaps(),
                demoFolder: connection.demo ? HistoryPlace.demoFolder() : nil, watchPackages: true,
                keyVariables: config.watched.compactMap(\.appKeyEnv), indexesAccounts: false)
            let fleet: Fleet
            do {
                fleet = try await Fleet.start(
                    profiles, shared: shared, listener: { exporter.update(profile: $0, snapshot: $1) },
                    onPoll: { exporter.record(profile: $0, poll: $1) })
            } catch {
                await server.stop()
                throw error
            }
            let names = profiles.map(\.name).joined(separator: ", ")
            let address = "http://\(MetricsListen(host: listen.host, port: server.port))/metrics"
            logger.info("serving metrics", metadata: ["address": "\(address)", "profiles": "\(names)"])
            FileHandle.standardError.write(Data("proxylite-top: serving \(address) for \(names)\n".utf8))
            for await number in signals {
                if number == SIGHUP {
                    logger.notice("SIGHUP: reading the keys again")
                    await fleet.reloadKeys()
                    continue
                }
                logger.notice("shutting down", metadata: ["signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")"])
                // A second one ends it at once, should an orderly shutdown hang.
                signal(SIGTERM, SIG_DFL)
                signal(SIGINT, SIG_DFL)
                break
            }
            await server.stop()
            await fleet.stop()
            if let folder = shared.demoFolder { try? FileManager.default.removeItem(atPath: folder) }
            logger.info("serve stopped")
        }
    }
}
