import ArgumentParser
import Foundation
import ProxyLiteAPI

/// The `proxylite-top` command: the live dashboard by default, plus `snapshot` and `simulate`.
@main
struct ProxyLiteTop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxylite-top",
        abstract: "A live terminal dashboard for ProxyLite sub-accounts, traffic, static IPs and orders.",
        discussion: """
            The app_key is read from PROXYLITE_APP_KEY or from --app-key-file (a file only you can read). \
            It is never accepted on the command line, where other users of the machine could see it.
            Try it without an account: proxylite-top --demo
            """,
        version: "0.1.0",
        subcommands: [
            DashboardCommand.self, ServeCommand.self, SnapshotCommand.self, HistoryCommand.self, AlertCommand.self,
            SimulateCommand.self, ThemesCommand.self,
            BenchmarkCommand.self,
            // Hidden: prints the man page, for scripts/install.sh and the freshness test.
            ManualCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Like ArgumentParser's own entry point, but usage errors exit 2 (as documented) rather than 64.
    static func main() async {
        // A core dump would hold the app_key. (Not PR_SET_DUMPABLE: that hides /proc/self from
        // the user's own tools.)
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(Int32(RLIMIT_CORE.rawValue), &noCore)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                // Line by line: the usage text's own newlines stay newlines, while a control
                // character in a value the user typed is still written out visibly.
                let lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                let message = lines.map { SafeText.escapingControls(String($0)) }.joined(separator: "\n")
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
