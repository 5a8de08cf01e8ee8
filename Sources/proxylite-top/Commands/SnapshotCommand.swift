import ArgumentParser
import Foundation
import ProxyLiteAPI
import TerminalUI

/// Fetches once, every page, and prints: for scripts, cron jobs and a quick look without curses.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Fetch once and print the account as text, JSON or CSV.",
        discussion: """
            Exit codes: 0 ok, 2 usage or configuration error, 3 app_key rejected, 4 API or network error.
            """)

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    @Option(help: "Output format: text, json or csv.") var format: SnapshotFormat = .text
    @Option(help: "Which pane: accounts, flow, static-ips, orders, packages, whitelist, products, regions or all.")
    var pane: SnapshotPane = .all
    @Option(help: "With --pane regions: also the cities and states of this proxy account (ip/dcl4, dsl4, dal4).")
    var username: String?
    @Option(
        help:
            "With --pane regions: also search the states of this country code (ip/dynamic-states/search). With --pane static-ips: only the IPs of this country."
    )
    var country: String?
    @Option(help: "With --country: also search the cities of this state (ip/dynamic-citys/search).") var state: String?
    @OptionGroup(title: "Server-side filters") var filters: SnapshotQueryOptions

    func validate() throws {
        if format == .csv, pane == .all {
            throw ValidationError(
                "CSV holds one table: choose a pane with --pane (\(SnapshotPane.each.map(\.rawValue).joined(separator: ", "))).")
        }
        try SnapshotRegionOptions.validate(pane: pane, username: username, country: country, state: state)
        _ = try filters.query(pane: pane, country: country)
    }

    func run() async throws {
        try await reportingErrors {
            DisplayWidth.prepareLocale()
            let settings = try self.connection.singleProfile(try self.connection.loadConfig(), command: "snapshot")
            let connection = try await Connection.open(self.connection, settings: settings)
            let data = await SnapshotData.fetch(
                pane.expanded, client: connection.client, source: connection.sourceDescription,
                regionQuery: RegionQuery(username: username, countryCode: pane == .regions ? country : nil, state: state),
                query: try filters.query(pane: pane, country: country))
            await connection.close()
            if let fatal = data.fatalError { throw fatal }
            let offset = connection.client.configuration.profile.providerOffset
            var output: [UInt8]
            switch format {
            case .json:
                // Streamed: never one document in memory.
                if let error = SnapshotJSON.document(data).write(toDescriptor: 1) {
                    throw CLIError(
                        exitCode: 1, message: "could not write the snapshot to standard output: \(String(cString: strerror(error)))")
                }
                output = []
            case .csv:
                // The pane's one table; none when the part it comes from failed (named on stderr).
                output = Array((SnapshotTables.tables(data, offset: offset).first.map(SnapshotCSV.render) ?? "").utf8)
            case .text: output = Array(SnapshotText.render(data, offset: offset, language: self.connection.textLanguage(settings)).utf8)
            }
            if let error = writeAll(output, to: 1) {
                throw CLIError(exitCode: 1, message: "could not write the snapshot to standard output: \(String(cString: strerror(error)))")
            }
            // What was fetched is printed; the panes that failed are named on stderr (exit 4).
            if let failure = SnapshotFailures.cliError(data.errors) { throw failure }
        }
    }
}
