import Foundation
import TestSupport
import Testing

@testable import proxylite_top

/// `proxylite-top.1`, written by the hidden `manual` command from the command definitions: the
/// committed page must be what the current definitions give.
@Suite struct ManualTests {
    static let regenerate = "swift build && .build/debug/proxylite-top manual > proxylite-top.1"

    @Test func committedPageIsFresh() async throws {
        let fresh = try await runBinary(["manual"])
        #expect(fresh.status == 0 && fresh.stderr.isEmpty, "\(fresh.stderr)")
        let file = repositoryRoot.appendingPathComponent("proxylite-top.1")
        let committed = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        guard committed != fresh.stdout else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = fresh.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record(
            """
            proxylite-top.1 is stale: run `\(Self.regenerate)` and commit it.
            First difference at line \(line + 1):
              committed: \(line < old.count ? String(old[line]) : "(end of file)")
              fresh:     \(line < new.count ? String(new[line]) : "(end of file)")
            """)
    }

    /// The writer reads exactly what `--experimental-dump-help` prints.
    @Test func writtenFromTheDumpHelpJSON() async throws {
        let dump = try await runBinary(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tool-info-\(UUID().uuidString).json")
        try dump.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try await runBinary(["manual", "--tool-info", file.path])
        let inProcess = try await runBinary(["manual"])
        #expect(fromFile.status == 0 && fromFile.stdout == inProcess.stdout)
        let garbage = try await runBinary(["manual", "--tool-info", "/nonexistent.json"])
        #expect(garbage.status == 2 && garbage.stderr.contains("cannot read"))
    }

    /// Every command and option `--help` shows is on the page; hidden ones are not.
    @Test func everyCommandAndOption() async throws {
        let dump = try await runBinary(["--experimental-dump-help"])
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(dump.stdout.utf8))
        let page = try await runBinary(["manual"]).stdout
        // What the reader sees: escapes undone.
        let text = page.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\e", with: "\\")
        func walk(_ command: ToolInfo.Command, path: [String]) {
            for argument in command.arguments ?? [] where argument.kind != .positional {
                let names = (argument.names ?? []).map(\.spelled)
                if argument.shouldDisplay {
                    for name in names { #expect(text.contains("\\fB\(name)\\fR"), "\(path.joined(separator: " ")) \(name)") }
                } else if !names.contains("--help") {
                    for name in names { #expect(!text.contains(name), "hidden \(name) is on the page") }
                }
            }
            for sub in command.subcommands ?? [] where sub.isShown {
                let subPath = path + [sub.commandName]
                #expect(text.contains(".SS \"\(subPath.joined(separator: " "))"), "\(subPath)")
                walk(sub, path: subPath)
            }
        }
        walk(tool.command, path: [tool.command.commandName])
        for section in [
            "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO",
        ] {
            #expect(text.contains(".SH \"\(section)\""), "\(section)")
        }
        for variable in ["PROXYLITE_APP_KEY", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "NO_COLOR"] {
            #expect(text.contains(".TP\n\\fB\(variable)"), "\(variable)")
        }
        // Hidden commands stay off the page (argument-parser's `help` is shown, so it is there).
        #expect(!text.contains(".SS \"proxylite-top manual"))
    }

    @Test func textCannotBeReadAsRequests() {
        #expect(Roff.escapeLine(".SH x") == "\\&.SH x")
        #expect(Roff.escapeLine("'tis") == "\\&'tis")
        #expect(Roff.escape("a\\b --c") == "a\\eb \\-\\-c")
        #expect(Roff.escape("120×40 0–1 …") == "120\\[u00D7]40 0\\[u2013]1 \\[u2026]")
        #expect(Roff.escape("😀") == "\\[u1F600]")
    }

    /// groff reads it without a warning (checked where groff is installed; CI does not add it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
    func groffReadsItWithoutWarnings() async throws {
        let page = repositoryRoot.appendingPathComponent("proxylite-top.1").path
        let result = await spawnAndWait(
            "/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", page], environment: ["PATH": "/usr/bin:/bin"], captureOutput: true)
        #expect(result.status == 0 && result.errors.isEmpty, "\(result.errors)")
    }
}
