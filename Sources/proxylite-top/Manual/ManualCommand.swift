import ArgumentParser
import Foundation

/// `proxylite-top manual`: prints the man page, written from this binary's own command
/// definitions. Hidden: it is how `proxylite-top.1` is regenerated and installed, not a feature.
struct ManualCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the man page (roff) written from the command definitions.",
        shouldDisplay: false)

    @Option(
        help: ArgumentHelp(
            "Write it from this file of `proxylite-top --experimental-dump-help` output (- for stdin) "
                + "instead of from this binary.", valueName: "path"))
    var toolInfo: String?

    func run() async throws {
        try await reportingErrors { try self.write() }
    }

    private func write() throws(CLIError) {
        let json: Data
        switch toolInfo {
        case nil: json = Data(ProxyLiteTop._dumpHelp().utf8)
        case "-": json = FileHandle.standardInput.readDataToEndOfFile()
        case let path?:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("cannot read \(path)")
            }
            json = data
        }
        let tool: ToolInfo
        do {
            tool = try JSONDecoder().decode(ToolInfo.self, from: json)
        } catch let error {
            throw CLIError.usage("not the JSON of --experimental-dump-help: \(error)")
        }
        guard tool.serializationVersion == 0 else {
            throw CLIError.usage("--experimental-dump-help serialization version \(tool.serializationVersion); this writer reads 0")
        }
        let page = ManualPage(tool: tool, version: ProxyLiteTop.configuration.version).rendered()
        FileHandle.standardOutput.write(Data(page.utf8))
    }
}
