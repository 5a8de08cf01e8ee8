import ArgumentParser
import Foundation
import Monitor
import ProxyLiteAPI

#if canImport(Glibc)
    import Glibc
#endif

/// `alert`: what concerns alerts outside the dashboard.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Alerts outside the dashboard.", subcommands: [AlertTestCommand.self])
}

/// `alert test`: one sample alert through every output `[alerts]` configures, to see that the
/// hook runs and the terminal shows the notification, without waiting for a real one.
struct AlertTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a sample alert through every output [alerts] configures (exec, bell, desktop).",
        discussion: """
            The hook gets a JSON array of one alert on stdin, as it would from the dashboard. No API \
            request is made and no key is needed.
            Exit codes: 0 sent, 1 the hook failed, 2 no output configured or a configuration error.
            """)

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    func run() async throws {
        try await reportingErrors {
            let file = try connection.loadConfig()
            let config = try connection.singleProfile(file, command: "alert test")
            let rules = config.alerts
            guard rules.exec != nil || rules.bell || rules.desktop else {
                let file = config.path ?? ConfigFile.folder() + "/config.toml"
                throw CLIError.usage(
                    "no alert output is configured: set exec = \"~/bin/page-me\", bell = true or desktop = true in [alerts] of \(file)")
            }
            // Only to keep it out of the hook's environment; a missing or unreadable key is no matter here.
            let key = connection.demo ? nil : ((try? connection.loadKey(config)) ?? nil)
            let sample = Self.sample(profile: config.name)
            print("Sending a sample alert (\(sample.kind.rawValue) on \"\(sample.subject)\") through the configured outputs.")
            flushStandardOutput()
            let report = await AlertOutputs.send(
                [sample], rules: rules, key: key, keyVariables: file.watched.compactMap(\.appKeyEnv), hookOutput: .inherit)
            var hookFailed = false
            if let argv = rules.exec {
                let result = report.hook ?? .cannotStart("not run")
                let program = SafeText.escapingControls(argv[0])
                print("exec \(program): \(result)")
                hookFailed = !result.isSuccess
            }
            let tty = isatty(STDOUT_FILENO) == 1
            for (name, wanted) in [("bell", rules.bell), ("desktop", rules.desktop)] where wanted {
                print(tty ? "\(name): written to this terminal" : "\(name): skipped, standard output is not a terminal")
            }
            flushStandardOutput()
            if tty, !report.terminal.isEmpty { writeToTerminal(report.terminal) }
            if hookFailed {
                FileHandle.standardError.write(Data("proxylite-top: the alert hook failed\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    static func sample(profile: String, now: Date = Date()) -> Alert {
        Alert(
            id: 0, kind: .usagePercent, subject: "sample", profile: profile, value: 92.1, threshold: 90,
            message: "This is a test alert from proxylite-top alert test: no account has crossed anything.", at: now)
    }

    private func flushStandardOutput() { fflush(nil) }

    private func writeToTerminal(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)  // non-empty
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
