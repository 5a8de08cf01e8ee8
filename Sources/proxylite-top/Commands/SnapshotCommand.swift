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
    @Option(help: "Which pane: accounts, flow, static-ips, orders, packages or all.") var pane: SnapshotPane = .all

    func validate() throws {
        if format == .csv, pane == .all {
            throw ValidationError("CSV holds one table: choose a pane with --pane (accounts, flow, static-ips, orders, packages).")
        }
    }

    func run() async throws {
        try await reportingErrors {
            DisplayWidth.prepareLocale()
            let connection = try await Connection.open(self.connection, config: try self.connection.loadConfig())
            let data: SnapshotData
            do {
                data = try await SnapshotData.fetch(
                    pane.expanded, client: connection.client, source: connection.sourceDescription)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            let offset = connection.client.configuration.profile.providerOffset
            var output: [UInt8]
            switch format {
            case .json: output = SnapshotJSON.document(data).prettySerialized()
            case .csv: output = Array(SnapshotCSV.render(SnapshotTables.tables(data, offset: offset)[0]).utf8)
            case .text: output = Array(SnapshotText.render(data, tables: SnapshotTables.tables(data, offset: offset)).utf8)
            }
            output.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)  // non-empty buffer
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}
