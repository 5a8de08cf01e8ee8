import ArgumentParser
import Foundation
import History
import Logging
import Monitor
import ProxyLiteAPI
import TerminalUI

/// The live dashboard (the default command).
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Watch the account live in the terminal (the default).")

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    @Flag(help: "Hide every action that changes the account.") var readOnly = false

    @OptionGroup(title: "History") var history: HistoryOptions

    @Option(help: ArgumentHelp("Theme name (from themes/ or the config folder) or a path to a theme file.", valueName: "name"))
    var theme: String?

    /// How often the key and config files are looked at for a change (tests shorten it).
    @Option(help: .hidden) var keyCheckSeconds = 60.0

    func run() async throws {
        try await reportingErrors {
            // Everything that can be wrong with the setup is found before the terminal is taken over.
            let config = try self.connection.loadConfig()
            let theme = try Self.theme(named: self.theme ?? config.theme)
            guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
                throw CLIError.usage("the dashboard needs a terminal; for scripts use `proxylite-top snapshot`.")
            }
            MemoryTuning.apply()
            let log = FileLogHandler.bootstrap()
            let logger = Logger(label: "proxylite-top")
            let connection = try await Connection.open(self.connection, config: config, logger: Logger(label: "proxylite.api"))
            let mailbox = SnapshotMailbox()
            let readOnly = self.readOnly || config.readOnly
            let store = Store(source: connection.sourceDescription, readOnly: readOnly) { mailbox.post($0) }
            // The demo polls at the floors, so that rates appear within seconds of starting it.
            let intervals = self.connection.demo ? PollPolicy.floors.merging(config.intervals) { $1 } : config.intervals
            let engine = MonitorEngine(
                client: connection.client, store: store, policy: PollPolicy(intervals: intervals),
                logger: Logger(label: "proxylite.monitor"))
            // History opens before the first poll, so that its samples seed the rates that poll shows.
            let demoFolder = self.connection.demo ? HistoryPlace.demoFolder() : nil
            var recorder: HistoryRecorder?
            if !self.history.noHistory, config.history, let key = connection.client.configuration.appKey {
                let rules = config.alerts
                let hookLogger = Logger(label: "proxylite.alerts")
                recorder = await HistoryRecorder.start(
                    at: HistoryPlace.location(for: connection.client, folder: demoFolder ?? self.history.historyFolder), key: key,
                    store: store, retention: Retention(maxBytes: Int64(config.historyMaxMB) * 1_000_000), rules: rules,
                    profile: HistoryPlace.profile, logger: Logger(label: "proxylite.history"),
                    onRaised: { raised in
                        // The bell and the desktop notification are the terminal's; the hook runs here.
                        guard rules.exec != nil else { return }
                        let report = await AlertOutputs.send(raised, rules: rules, key: key)
                        if let hook = report.hook, !hook.isSuccess {
                            hookLogger.warning("alert hook failed", metadata: ["result": "\(hook)", "alerts": "\(raised.count)"])
                        }
                    })
            }
            // A package alert needs the packages, which are otherwise polled only once their pane is open.
            if recorder != nil, config.alerts.thresholds[.packageDays] != nil { await engine.ensure(.packages) }
            let polling = Task { await engine.run() }
            let watch = KeyFileWatch(
                keyFile: self.connection.appKeyFile ?? config.appKeyFile, configFile: config.path,
                explicitConfig: self.connection.config, every: .milliseconds(Int(clamping: max(0.1, keyCheckSeconds) * 1000)))
            let watching = Task { [client = connection.client, recorder] in
                await watch.run(engine: engine, client: client, logger: Logger(label: "proxylite.monitor")) { key in
                    await recorder?.switchKey(to: key)
                }
            }
            let runner = CommandRunner(client: connection.client, store: store, readOnly: readOnly) { await engine.request($0) }
            // Commands leave the curses thread through a stream, so they reach the runner in the
            // order the user confirmed them.
            let (commands, commandQueue) = AsyncStream<(Int, Command)>.makeStream()
            // `submit` queues and returns, so the runner knows every confirmed command at once and
            // can account for each one if the dashboard closes first.
            let commandLoop = Task { for await (id, command) in commands { await runner.submit(command, id: id) } }
            logger.info("dashboard started", metadata: ["source": "\(connection.sourceDescription)"])

            var ui = UIState()
            if let columns = config.columns { ui.accountColumns = columns }
            ui.keyMap = config.keys
            ui.sshClientIP = SSHClient.address(ProcessInfo.processInfo.environment)
            let options = DashboardLoop.Options(
                theme: theme, noColor: ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false, ui: ui,
                crashLogFD: log?.descriptor, alertBell: config.alerts.bell, alertDesktop: config.alerts.desktop)
            let initial = await store.current
            // The poller's effects also leave in order, through one stream: ↓↓ in one read must
            // follow the second account, not whichever of two tasks ran last.
            let (pollerEffects, pollerQueue) = AsyncStream<Effect>.makeStream()
            let pollerLoop = Task { [recorder] in
                for await effect in pollerEffects {
                    switch effect {
                    case .refresh: await engine.refreshNow()
                    case .showFlow(let name): await engine.showFlow(for: name)
                    case .need(let resource): await engine.ensure(resource)
                    case .sparklines(let names): await recorder?.show(accounts: names)
                    case .intraday(let name): await recorder?.showIntraday(for: name)
                    case .acknowledge(let id): await recorder?.acknowledge(id)
                    case .run, .quit, .repaint, .writeFile, .notify, .switchProfile: break
                    }
                }
            }
            let perform: @Sendable (Effect) -> Void = { effect in
                switch effect {
                case .refresh, .showFlow, .need, .sparklines, .intraday, .acknowledge: pollerQueue.yield(effect)
                case .run(let id, let command, _): commandQueue.yield((id, command))
                case .quit, .repaint, .writeFile, .notify, .switchProfile: break
                }
            }
            let outcome: Result<DashboardLoop.Ending, any Error> = await withCheckedContinuation { continuation in
                // Curses gets a thread of its own, which sleeps in poll(2) and never blocks the task pool;
                // the loop is made there and never leaves it.
                let thread = Thread {
                    let loop = DashboardLoop(options: options, initial: initial, mailbox: mailbox, perform: perform)
                    continuation.resume(returning: Result { try loop.run() })
                }
                thread.name = "curses"
                thread.start()
            }
            commandQueue.finish()
            pollerQueue.finish()
            pollerLoop.cancel()
            await commandLoop.value
            // However the dashboard ended (q, a signal, the terminal gone), a confirmed change on its
            // way gets a few seconds to be answered; then it is logged as outcome unknown. The terminal
            // is already the shell's: say why the prompt is not back yet.
            let waiting = await runner.unansweredWrites
            if waiting > 0 {
                FileHandle.standardError.write(
                    Data("proxylite-top: waiting up to 5 s for \(waiting) change\(waiting == 1 ? "" : "s") to be answered…\n".utf8))
            }
            let unanswered = await runner.finish(within: Self.writeGrace)
            if unanswered > 0 { logger.warning("dashboard closed with changes unanswered", metadata: ["count": "\(unanswered)"]) }
            polling.cancel()
            watching.cancel()
            await recorder?.stop()
            if let demoFolder { try? FileManager.default.removeItem(atPath: demoFolder) }
            await connection.close()
            logger.info("dashboard stopped", metadata: ["why": "\((try? outcome.get()).map { "\($0)" } ?? "error")"])
            if case .failure(let error) = outcome {
                throw CLIError(exitCode: 2, message: "\(error)")
            }
        }
    }

    /// How long a change already sent may take to be answered once the dashboard is closing.
    static let writeGrace: Duration = .seconds(5)

    /// Folders searched for theme files by name: the user's, then those shipped beside the binary.
    static var themeFolders: [String] {
        var folders = [ConfigFile.folder() + "/themes"]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(folder.appendingPathComponent("themes").path)
            folders.append(folder.appendingPathComponent("share/proxylite-top/themes").path)
            folder = folder.deletingLastPathComponent()
        }
        return folders + ["/usr/local/share/proxylite-top/themes", "/usr/share/proxylite-top/themes"]
    }

    static func theme(named name: String?) throws -> Theme {
        guard let name else { return .builtIn }
        do {
            return try ThemeFile.load(name, searchFolders: themeFolders)
        } catch {
            throw CLIError.usage("theme error: \(error)")
        }
    }
}
