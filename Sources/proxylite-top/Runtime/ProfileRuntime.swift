import Foundation
import History
import Logging
import Monitor
import ProxyLiteAPI

/// Everything one watched profile runs: its client, store, poller, history and alerts, and the
/// watch on its key file. The dashboard and `serve` start one per profile.
final class ProfileRuntime: Sendable {
    let settings: Config
    let connection: Connection
    let store: Store
    let engine: MonitorEngine
    let recorder: HistoryRecorder?
    let runner: CommandRunner
    let readOnly: Bool
    let keyWatch: KeyFileWatch
    private let polling: Task<Void, Never>
    private let watching: Task<Void, Never>
    private let logger: Logger

    var name: String { settings.name }

    /// What the runtimes of one process share.
    struct Shared: Sendable {
        var options: ConnectionOptions
        var history: HistoryOptions
        var configPath: String?
        var readOnly: Bool
        var keyCheck: Duration
        var caps: RateCaps
        /// The history folder of `--demo`, removed when it ends.
        var demoFolder: String?
        /// Poll packages from the start (for the exporter and the overview), not only once their pane opens.
        var watchPackages = false
        /// Every watched profile's key variable: an alert hook's environment loses all of them, not
        /// only its own profile's (the process holds every profile's key).
        var keyVariables: [String] = []
        /// Index each accounts poll for the screen (sort orders, filter text); not for `serve`.
        var indexesAccounts = true
    }

    private init(
        settings: Config, connection: Connection, store: Store, engine: MonitorEngine, recorder: HistoryRecorder?,
        runner: CommandRunner, readOnly: Bool, keyWatch: KeyFileWatch, polling: Task<Void, Never>, watching: Task<Void, Never>,
        logger: Logger
    ) {
        self.settings = settings
        self.connection = connection
        self.store = store
        self.engine = engine
        self.recorder = recorder
        self.runner = runner
        self.readOnly = readOnly
        self.keyWatch = keyWatch
        self.polling = polling
        self.watching = watching
        self.logger = logger
    }

    /// Connects, opens the history and starts polling. The store publishes through `publish`;
    /// `onPoll` hears every poll's duration and outcome (the exporter).
    /// - Throws: `CLIError` when the profile cannot start (no key, a refused transport).
    static func start(
        _ settings: Config, shared: Shared, publish: @escaping @Sendable (Snapshot) -> Void,
        onPoll: (@Sendable (PollReport) -> Void)? = nil
    ) async throws -> ProfileRuntime {
        let logger = Logger(label: "proxylite.monitor").withProfile(settings.name)
        let platform = shared.options.platformProfile(settings)
        let limiter = shared.options.demo ? nil : shared.caps.limiter(for: platform.baseURL)
        let connection = try await Connection.open(
            shared.options, settings: settings, limiter: limiter, logger: Logger(label: "proxylite.api").withProfile(settings.name))
        let readOnly = shared.readOnly || settings.readOnly
        let store = Store(
            source: connection.sourceDescription, readOnly: readOnly, indexesAccounts: shared.indexesAccounts, publish: publish)
        // The demo polls at the floors, so that rates appear within seconds of starting it.
        let intervals = shared.options.demo ? PollPolicy.floors.merging(settings.intervals) { $1 } : settings.intervals
        let engine = MonitorEngine(client: connection.client, store: store, policy: PollPolicy(intervals: intervals), logger: logger)
        if let onPoll { await engine.observePolls(onPoll) }
        // History opens before the first poll, so that its samples seed the rates that poll shows.
        var recorder: HistoryRecorder?
        if !shared.history.noHistory, settings.history, let key = connection.client.configuration.appKey {
            let rules = settings.alerts
            let hookLogger = Logger(label: "proxylite.alerts").withProfile(settings.name)
            let keyVariables = shared.keyVariables + (settings.appKeyEnv.map { [$0] } ?? [])
            recorder = await HistoryRecorder.start(
                at: HistoryPlace.location(
                    profile: settings.name, client: connection.client, folder: shared.demoFolder ?? shared.history.historyFolder),
                key: key, store: store, retention: Retention(maxBytes: Int64(settings.historyMaxMB) * 1_000_000), rules: rules,
                profile: settings.name, logger: Logger(label: "proxylite.history").withProfile(settings.name),
                onRaised: { raised in
                    // The bell and the desktop notification are the terminal's; the hook runs here.
                    guard rules.exec != nil else { return }
                    let report = await AlertOutputs.send(raised, rules: rules, key: key, keyVariables: keyVariables)
                    if let hook = report.hook, !hook.isSuccess {
                        hookLogger.warning("alert hook failed", metadata: ["result": "\(hook)", "alerts": "\(raised.count)"])
                    }
                })
        }
        // A package alert needs the packages, which are otherwise polled only once their pane is open.
        if shared.watchPackages || (recorder != nil && settings.alerts.thresholds[.packageDays] != nil) {
            await engine.ensure(.packages)
        }
        let polling = Task { await engine.run() }
        let options = shared.options
        let name = settings.name
        let keyWatch = KeyFileWatch(
            keyFile: options.appKeyFile ?? settings.appKeyFile, configFile: shared.configPath, every: shared.keyCheck,
            loadKey: {
                let config = try options.loadConfig()
                guard let now = config.watched.first(where: { $0.name == name }) else {
                    throw CLIError.usage("profile \(name) is no longer in the config; restart to stop watching it")
                }
                return try options.loadKey(now)
            })
        let watching = Task { [client = connection.client, recorder] in
            if options.demo { return }  // the simulator's key never changes
            await keyWatch.run(engine: engine, client: client, logger: logger) { key in await recorder?.switchKey(to: key) }
        }
        let runner = CommandRunner(client: connection.client, store: store, readOnly: readOnly) { await engine.request($0) }
        logger.info("profile started", metadata: ["source": "\(connection.sourceDescription)"])
        return ProfileRuntime(
            settings: settings, connection: connection, store: store, engine: engine, recorder: recorder, runner: runner,
            readOnly: readOnly, keyWatch: keyWatch, polling: polling, watching: watching, logger: logger)
    }

    /// SIGHUP: the key read again, and a poller stopped by a permanent failure resumed.
    func reloadKey() async {
        guard !connection.isDemo else {
            if await engine.isStopped { await engine.refreshNow() }
            return
        }
        await keyWatch.reload(engine: engine, client: connection.client, logger: logger, resume: true) { [recorder] key in
            await recorder?.switchKey(to: key)
        }
    }

    /// Stops polling and watching, closes the history (releasing its writer lock) and the connection.
    func stop() async {
        polling.cancel()
        watching.cancel()
        await recorder?.stop()
        await connection.close()
        logger.info("profile stopped")
    }
}

extension Logger {
    /// This logger with the profile in every line's metadata.
    func withProfile(_ name: String) -> Logger {
        var logger = self
        logger[metadataKey: "profile"] = "\(name)"
        return logger
    }
}
