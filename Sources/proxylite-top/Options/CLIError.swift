import ArgumentParser
import Foundation
import ProxyLiteAPI

/// A failure the command reports in one line on stderr, with the exit code scripts can test.
struct CLIError: Error, CustomStringConvertible {
    /// 2 usage or configuration, 3 key rejected, 4 API or network.
    let exitCode: Int32
    let message: String
    var description: String { message }

    static func usage(_ message: String) -> CLIError { CLIError(exitCode: 2, message: message) }

    init(exitCode: Int32, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    init(_ error: ProxyLiteError) {
        switch error.code {
        case .invalidAppKey: self.init(exitCode: 3, message: error.description)
        default: self.init(exitCode: 4, message: error.description)
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning our errors into a message on stderr and the documented exit code.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("proxylite-top: \(SafeText.escapingControls(error.message))\n".utf8))
            throw ExitCode(error.exitCode)
        } catch let error as ProxyLiteError {
            let cli = CLIError(error)
            FileHandle.standardError.write(Data("proxylite-top: \(SafeText.escapingControls(cli.message))\n".utf8))
            throw ExitCode(cli.exitCode)
        }
    }
}
