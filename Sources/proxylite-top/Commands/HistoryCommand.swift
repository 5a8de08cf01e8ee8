import ArgumentParser
import Foundation
import History
import ProxyLiteAPI

/// Prints what the dashboard recorded: one account's usage over time, or the whole account's.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print recorded usage over time, from the local history the dashboard keeps.",
        discussion: """
            Columns: time (ISO 8601), username, usage bytes, delta bytes, rate in bytes/s. The resolution \
            follows the span: raw samples up to 48 h, 5-minute buckets up to 7 days, hourly beyond. Without \
            --account, the account-wide hourly series (what all sub-accounts used).
            Exit codes: 0 ok, 1 no history recorded yet, 2 usage or configuration error.
            """)

    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    /// The database folder instead of $XDG_STATE_HOME/proxylite-top (tests).
    @Option(help: .hidden) var historyFolder: String?

    @Option(help: "One sub-account's series (default: the whole account's).") var account: String?
    @Option(help: ArgumentHelp("How far back: 90m, 24h, 7d, 2w…", valueName: "span")) var since: HistorySpan = HistorySpan(seconds: 86_400)
    @Option(help: "Output format: text, json or csv.") var format: SnapshotFormat = .text

    func run() async throws {
        try await reportingErrors {
            guard !connection.demo else {
                throw CLIError.usage("the demo keeps its history only while it runs; run history against an account")
            }
            let settings = try connection.singleProfile(try connection.loadConfig(), command: "history")
            let profile = connection.platformProfile(settings)
            guard let key = try connection.loadKey(settings) else {
                throw CLIError.usage(GettingStarted.text)
            }
            let location = HistoryPlace.location(profile: settings.name, baseURL: profile.baseURL, folder: historyFolder)
            let database: HistoryDatabase?
            do throws(HistoryError) {
                database = try HistoryDatabase.openForReading(location, key: key)
            } catch {
                throw CLIError(exitCode: 1, message: error.description)
            }
            guard let database, database.hasSeries else {
                throw CLIError(
                    exitCode: 1,
                    message: "no history recorded for this key at \(location.path) yet: the dashboard records it while it runs")
            }
            let result: (resolution: HistoryResolution, rows: [HistoryRow])
            do throws(HistoryError) {
                result = try database.rows(username: account, since: since.seconds, now: Date())
            } catch {
                throw CLIError(exitCode: 1, message: error.description)
            }
            let text = HistoryOutput.render(result.rows, resolution: result.resolution, format: format, account: account)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A span such as `24h`: a whole number and a unit (m, h, d or w).
struct HistorySpan: ExpressibleByArgument, Sendable {
    let seconds: TimeInterval

    init(seconds: TimeInterval) { self.seconds = seconds }

    /// How `--help` and the man page show a default: as it is typed (`24h`).
    var defaultValueDescription: String {
        for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3600.0)] where seconds.truncatingRemainder(dividingBy: size) == 0 {
            return "\(Int(seconds / size))\(unit)"
        }
        return "\(Int(seconds / 60))m"
    }

    init?(argument: String) {
        let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = argument.last.flatMap({ units[$0] }), let count = Int(argument.dropLast()), count > 0,
            Double(count) * unit <= 400 * 86_400
        else { return nil }
        seconds = Double(count) * unit
    }

    static var defaultCompletionKind: CompletionKind { .list(["1h", "24h", "7d", "30d", "90d", "365d"]) }
}
