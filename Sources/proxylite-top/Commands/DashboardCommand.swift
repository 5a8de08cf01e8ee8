import ArgumentParser
import Foundation

/// The live dashboard (the default command).
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Watch the account live in the terminal (the default).")

    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    func run() async throws {
        try await reportingErrors {
            let connection = try await Connection.open(self.connection)
            await connection.close()
            throw CLIError(exitCode: 2, message: "the live dashboard is not built yet; use `proxylite-top snapshot`.")
        }
    }
}
