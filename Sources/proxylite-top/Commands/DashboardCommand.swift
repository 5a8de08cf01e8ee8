import ArgumentParser
import Foundation
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

    @Option(help: ArgumentHelp("Theme name (from themes/ or the config folder) or a path to a theme file.", valueName: "name"))
    var theme: String?

    func run() async throws {
        try await reportingErrors {
            guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
                throw CLIError.usage("the dashboard needs a terminal; for scripts use `proxylite-top snapshot`.")
            }
            FileLogHandler.bootstrap()
            let logger = Logger(label: "proxylite-top")
            let connection = try await Connection.open(self.connection, logger: Logger(label: "proxylite.api"))
            let mailbox = SnapshotMailbox()
            let store = Store(source: connection.sourceDescription, readOnly: readOnly) { mailbox.post($0) }
            let engine = MonitorEngine(
                client: connection.client, store: store, policy: PollPolicy(), logger: Logger(label: "proxylite.monitor"))
            let polling = Task { await engine.run() }
            logger.info("dashboard started", metadata: ["source": "\(connection.sourceDescription)"])

            let options = DashboardLoop.Options(
                theme: .builtIn, noColor: ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
            let initial = await store.current
            let perform: @Sendable (Effect) -> Void = { effect in
                switch effect {
                case .refresh: Task { await engine.refreshNow() }
                case .showFlow(let name): Task { await engine.showFlow(for: name) }
                case .quit, .repaint: break
                }
            }
            let outcome: Result<Void, any Error> = await withCheckedContinuation { continuation in
                // Curses gets a thread of its own, which sleeps in poll(2) and never blocks the task pool;
                // the loop is made there and never leaves it.
                let thread = Thread {
                    let loop = DashboardLoop(options: options, initial: initial, mailbox: mailbox, perform: perform)
                    continuation.resume(returning: Result { try loop.run() })
                }
                thread.name = "curses"
                thread.start()
            }
            polling.cancel()
            await connection.close()
            logger.info("dashboard stopped")
            if case .failure(let error) = outcome {
                throw CLIError(exitCode: 2, message: "\(error)")
            }
        }
    }
}
