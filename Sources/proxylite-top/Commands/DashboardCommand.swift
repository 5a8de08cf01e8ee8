import ArgumentParser
import Exporter
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

    @OptionGroup(title: "Metrics") var metrics: MetricsOptions

    @Option(
        help: ArgumentHelp("Theme name (from themes/ or the config folder) or a path to a theme file.", valueName: "name"),
        completion: .custom(DynamicCompletion.themes))
    var theme: String?

    /// How often the key and config files are looked at for a change (tests shorten it).
    @Option(help: .hidden) var keyCheckSeconds = 60.0

    func run() async throws {
        try await reportingErrors {
            // Everything that can be wrong with the setup is found before the terminal is taken over.
            let config = try self.connection.loadConfig()
            let theme = try Self.theme(named: self.theme ?? config.theme)
            let profiles = try self.connection.watchedProfiles(config)
            let endpoint = try self.metrics.endpoint(default: nil)
            guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
                throw CLIError.usage("the dashboard needs a terminal; for scripts use `proxylite-top snapshot`.")
            }
            MemoryTuning.apply()
            let log = FileLogHandler.bootstrap()
            let logger = Logger(label: "proxylite-top")
            let mailbox = SnapshotMailbox()
            let exporter: MetricsExporter? = endpoint == nil ? nil : MetricsExporter(cardinality: self.metrics.cardinality)
            // The port first: when it is taken, nothing else is started.
            var server: MetricsServer?
            if let endpoint, let exporter {
                do {
                    server = try await MetricsServer.start(
                        exporter: exporter, host: endpoint.listen.host, port: endpoint.listen.port, bearerToken: endpoint.token,
                        logger: Logger(label: "proxylite.metrics"))
                } catch {
                    throw CLIError(exitCode: 2, message: "cannot listen on \(endpoint.listen): \(error)")
                }
            }
            // Packages are polled from the start when the overview or the exporter shows their expiry.
            let shared = ProfileRuntime.Shared(
                options: self.connection, history: self.history, configPath: config.path, readOnly: self.readOnly,
                keyCheck: .milliseconds(Int(clamping: max(0.1, keyCheckSeconds) * 1000)), caps: RateCaps(),
                demoFolder: self.connection.demo ? HistoryPlace.demoFolder() : nil,
                watchPackages: profiles.count > 1 || exporter != nil, keyVariables: config.watched.compactMap(\.appKeyEnv))
            var onPoll: (@Sendable (String, PollReport) -> Void)?
            if let exporter { onPoll = { name, report in exporter.record(profile: name, poll: report) } }
            let fleet: Fleet
            do {
                fleet = try await Fleet.start(
                    profiles, shared: shared, toScreen: { mailbox.post($0) },
                    listener: { name, snapshot in exporter?.update(profile: name, snapshot: snapshot) }, onPoll: onPoll)
            } catch {
                await server?.stop()
                throw error
            }
            if let server {
                let address = "http://\(MetricsListen(host: server.host, port: server.port))/metrics"
                logger.info("serving metrics", metadata: ["address": "\(address)"])
            }
            // Commands leave the curses thread through a stream, so they reach the runner in the
            // order the user confirmed them.
            let (commands, commandQueue) = AsyncStream<(Int, Command, String)>.makeStream()
            // `submit` queues and returns, so the runner knows every confirmed command at once and
            // can account for each one if the dashboard closes first. A command goes to the profile
            // it was confirmed on, whichever is on screen by the time it is sent.
            let commandLoop = Task {
                for await (id, command, profile) in commands {
                    // Never the profile on screen instead: a change goes to the account it was confirmed for or nowhere.
                    guard let runtime = fleet.runtime(named: profile) else {
                        logger.error("a change named a profile that is not watched; not sent", metadata: ["profile": "\(profile)"])
                        continue
                    }
                    await runtime.runner.submit(command, id: id)
                }
            }
            logger.info("dashboard started", metadata: ["profiles": "\(profiles.map(\.name).joined(separator: ","))"])

            var ui = UIState()
            if let columns = config.columns { ui.accountColumns = columns }
            ui.keyMap = config.keys
            ui.language = connection.dashboardLanguage(config)
            ui.sshClientIP = SSHClient.address(ProcessInfo.processInfo.environment)
            let options = DashboardLoop.Options(
                theme: theme, noColor: ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false, ui: ui,
                crashLogFD: log?.descriptor, alertBell: config.alerts.bell, alertDesktop: config.alerts.desktop)
            let initial = fleet.hub.current
            // The poller's effects also leave in order, through one stream: ↓↓ in one read must
            // follow the second account, not whichever of two tasks ran last. They go to the
            // profile on screen.
            let (pollerEffects, pollerQueue) = AsyncStream<Effect>.makeStream()
            let pollerLoop = Task {
                for await effect in pollerEffects {
                    let active = fleet.active
                    switch effect {
                    case .refresh: await active.engine.refreshNow()
                    case .showFlow(let name): await active.engine.showFlow(for: name)
                    case .need(let resource): await active.engine.ensure(resource)
                    case .sparklines(let names): await active.recorder?.show(accounts: names)
                    case .intraday(let name): await active.recorder?.showIntraday(for: name)
                    case .acknowledge(let id, let profile): await fleet.runtime(named: profile)?.recorder?.acknowledge(id)
                    // Effects after it in this queue (the new profile's panes asking for data) reach the new profile.
                    case .switchProfile(let name): fleet.hub.activate(name)
                    case .run, .quit, .repaint, .writeFile, .notify: break
                    }
                }
            }
            let perform: @Sendable (Effect) -> Void = { effect in
                switch effect {
                case .refresh, .showFlow, .need, .sparklines, .intraday, .acknowledge, .switchProfile: pollerQueue.yield(effect)
                case .run(let id, let command, let profile): commandQueue.yield((id, command, profile))
                case .quit, .repaint, .writeFile, .notify: break
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
            var waiting = 0
            for runtime in fleet.runtimes { waiting += await runtime.runner.unansweredWrites }
            if waiting > 0 {
                FileHandle.standardError.write(
                    Data("proxylite-top: waiting up to 5 s for \(waiting) change\(waiting == 1 ? "" : "s") to be answered…\n".utf8))
            }
            let unanswered = await withTaskGroup(of: Int.self) { group in
                for runtime in fleet.runtimes { group.addTask { await runtime.runner.finish(within: Self.writeGrace) } }
                return await group.reduce(0, +)
            }
            if unanswered > 0 { logger.warning("dashboard closed with changes unanswered", metadata: ["count": "\(unanswered)"]) }
            await server?.stop()
            await fleet.stop()
            if let demoFolder = shared.demoFolder { try? FileManager.default.removeItem(atPath: demoFolder) }
            logger.info("dashboard stopped", metadata: ["why": "\((try? outcome.get()).map { "\($0)" } ?? "error")"])
            if case .failure(let error) = outcome {
                throw CLIError(exitCode: 2, message: "\(error)")
            }
        }
    }

    /// How long a change already sent may take to be answered once the dashboard is closing.
    static let writeGrace: Duration = .seconds(5)

    /// Folders searched for theme files by name: the user's, then those shipped beside the binary.
    /// The running binary's own path: argv[0] is only a name when the shell found it through
    /// PATH, and resolving that against the current folder would look for themes in the wrong place.
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    static var themeFolders: [String] {
        var folders = [ConfigFile.folder() + "/themes"]
        var folder = Self.executable.deletingLastPathComponent()
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
