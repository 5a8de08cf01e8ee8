import Foundation
import TestSupport
import Testing

@testable import proxylite_top

/// Dynamic completion of `--profile` and `--theme`, run the way the generated scripts run it:
/// `proxylite-top ---completion <subcommands> -- <option> <word index> <cursor> <words…>`, and
/// through bash itself with the script `--generate-completion-script bash` prints.
@Suite struct CompletionTests {
    /// A config folder (XDG_CONFIG_HOME) of its own, with `config` as its config.toml if given.
    final class Home {
        let folder: URL
        init(config: String? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("proxylite-top/themes"), withIntermediateDirectories: true)
            if let config { try write(config, to: "proxylite-top/config.toml") }
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult func write(_ text: String, to relative: String) throws -> String {
            let url = folder.appendingPathComponent(relative)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        var environment: [String: String] { ["XDG_CONFIG_HOME": folder.path, "HOME": folder.path] }
    }

    static let twoProfiles = """
        [profiles.main]
        app_key_env = "MAIN_KEY"
        [profiles.reseller]
        base_url = "https://api.example.com"
        app_key_env = "RESELLER_KEY"
        """

    /// Asks the binary for the candidates of `option` on the command line `words` (the last word
    /// is the one being completed, the cursor at its end), as the bash script does.
    func complete(
        _ option: String, subcommands: [String], words: [String], at index: Int? = nil, in home: Home,
        shell: String = "bash"
    ) async throws -> (candidates: [String], result: RunResult) {
        let index = index ?? words.count - 1
        let arguments =
            ["---completion"] + subcommands + ["--", option, String(index), String(words[index].count)] + words
        var environment = home.environment
        environment["SAP_SHELL"] = shell
        let result = try await runBinary(arguments, environment: environment)
        return (result.stdout.split(separator: "\n").map(String.init), result)
    }

    @Test func profilesComeFromTheDefaultConfig() async throws {
        let home = try Home(config: Self.twoProfiles)
        let (all, result) = try await complete(
            "--profile", subcommands: ["dashboard"], words: ["proxylite-top", "dashboard", "--profile", ""], in: home)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(all == ["main", "reseller"])
        let (some, _) = try await complete(
            "--profile", subcommands: ["snapshot"], words: ["proxylite-top", "snapshot", "--profile", "re"], in: home)
        #expect(some == ["reseller"])
        // Every command with the connection options completes them, nested ones too.
        let (nested, _) = try await complete(
            "--profile", subcommands: ["alert", "test"], words: ["proxylite-top", "alert", "test", "--profile", "m"], in: home)
        #expect(nested == ["main"])
    }

    @Test func withoutProfilesTheTopLevelIsDefault() async throws {
        let home = try Home()
        let (candidates, result) = try await complete(
            "--profile", subcommands: ["serve"], words: ["proxylite-top", "serve", "--profile", ""], in: home)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(candidates == ["default"])
    }

    @Test func theConfigOnTheLineWins() async throws {
        let home = try Home(config: Self.twoProfiles)
        let other = try home.write("[profiles.staging]\n[profiles.production]\n", to: "other config.toml")
        // bash passes the words as typed (quotes and all) and splits `--config=PATH` at the `=`;
        // zsh and fish pass `--config=PATH` whole. The `--config` may follow `--profile`.
        let lines: [[String]] = [
            ["proxylite-top", "snapshot", "--config", "'\(other)'", "--profile", ""],
            ["proxylite-top", "snapshot", "--config", other.replacingOccurrences(of: " ", with: "\\ "), "--profile", ""],
            ["proxylite-top", "snapshot", "--config", "=", "\"\(other)\"", "--profile", ""],
            ["proxylite-top", "snapshot", "--config=\(other)", "--profile", ""],
        ]
        for words in lines {
            let (candidates, result) = try await complete("--profile", subcommands: ["snapshot"], words: words, in: home)
            #expect(result.stderr.isEmpty)
            #expect(candidates == ["staging", "production"], "\(words)")
        }
        // The cursor may be back in the line, before the --config.
        let later = ["proxylite-top", "snapshot", "--profile", "", "--config", "'\(other)'"]
        let (candidates, _) = try await complete("--profile", subcommands: ["snapshot"], words: later, at: 3, in: home)
        #expect(candidates == ["staging", "production"])
    }

    @Test func aBrokenConfigGivesNothingAndSaysNothing() async throws {
        let home = try Home(config: "[profiles.main\n")
        let (candidates, result) = try await complete(
            "--profile", subcommands: ["dashboard"], words: ["proxylite-top", "dashboard", "--profile", ""], in: home)
        #expect(result.status == 0)
        #expect(candidates.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(result.stderr.isEmpty)
        for config in ["/nonexistent/config.toml", home.folder.path, try home.write("theme = 3\n", to: "wrong.toml")] {
            let words = ["proxylite-top", "snapshot", "--config", config, "--profile", ""]
            let (candidates, result) = try await complete("--profile", subcommands: ["snapshot"], words: words, in: home)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(config): \(result.stderr)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(config)")
            #expect(candidates.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
        // zsh's protocol ends the list with one pseudo-candidate, which its script removes.
        let (zsh, zshResult) = try await complete(
            "--profile", subcommands: ["dashboard"], words: ["proxylite-top", "dashboard", "--profile", ""], in: home, shell: "zsh")
        #expect(zsh == [" "] && zshResult.stderr.isEmpty)
    }

    @Test func themesComeFromTheThemeFolders() async throws {
        let home = try Home()
        try home.write("", to: "proxylite-top/themes/my-own.toml")
        try home.write("", to: "proxylite-top/themes/not-a-theme.txt")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("themes").path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(shipped.count >= 6)
        let (candidates, result) = try await complete(
            "--theme", subcommands: ["dashboard"], words: ["proxylite-top", "dashboard", "--theme", ""], in: home)
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(Set(candidates) == Set(shipped + ["my-own"]))
        #expect(candidates == candidates.sorted())
        let (some, _) = try await complete(
            "--theme", subcommands: ["dashboard"], words: ["proxylite-top", "dashboard", "--theme", "no"], in: home)
        #expect(some == ["nord"])
    }

    /// bash itself, with the generated script: the words, the index and the cursor are the
    /// script's, not ours.
    @Test func throughBash() async throws {
        let home = try Home(config: Self.twoProfiles)
        let script = try await runBinary(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let scriptPath = try home.write(script.stdout, to: "completion.bash")
        let other = try home.write("[profiles.staging]\n", to: "other.toml")
        let binary = BuiltBinary.url.path
        let cases: [(line: String, expected: [String])] = [
            ("\(binary) dashboard --profile ", ["main", "reseller"]),
            ("\(binary) snapshot --profile r", ["reseller"]),
            ("\(binary) history --config '\(other)' --profile ", ["staging"]),
            ("\(binary) history --config=\(other) --profile ", ["staging"]),
            ("\(binary) dashboard --theme no", ["nord"]),
        ]
        for (line, expected) in cases {
            let result = await spawnAndWait(
                "/bin/bash", ["-c", Self.bashDriver, "driver", scriptPath, line],
                environment: home.environment.merging(["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]) { $1 }, captureOutput: true)
            #expect(result.status == 0 && result.errors.isEmpty, "\(line): \(result.errors)")
            #expect(result.output.split(separator: "\n").map(String.init).sorted() == expected, "\(line)")
        }
        // A broken config: no candidates, and nothing written over the prompt.
        try home.write("[profiles.main\n", to: "proxylite-top/config.toml")
        let broken = await spawnAndWait(
            "/bin/bash", ["-c", Self.bashDriver, "driver", scriptPath, "\(binary) dashboard --profile "],
            environment: home.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }, captureOutput: true)
        #expect(broken.status == 0 && broken.output.isEmpty && broken.errors.isEmpty, "\(broken.output) \(broken.errors)")
    }

    /// Sets what bash sets before it calls a completion function (COMP_LINE, COMP_POINT,
    /// COMP_WORDS, COMP_CWORD, with the cursor at the end of the line), calls it, prints COMPREPLY.
    static let bashDriver = """
        source "$1"
        line="$2"
        COMP_LINE="$line"
        COMP_POINT=${#line}
        COMP_WORDBREAKS=$' \\t\\n"\\'><=;|&(:'
        read -ra COMP_WORDS <<< "${line//=/ = }"
        [[ "$line" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMPREPLY=()
        _proxylite-top "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        (( ${#COMPREPLY[@]} == 0 )) || printf '%s\\n' "${COMPREPLY[@]}"
        """

    // The parts, without the binary.

    @Test func configPathOnTheLine() {
        typealias C = DynamicCompletion
        #expect(C.configPath(words: ["p", "--config", "a.toml", "--profile", ""], index: 4) == "a.toml")
        #expect(C.configPath(words: ["p", "--config=a.toml", "--profile", ""], index: 3) == "a.toml")
        #expect(C.configPath(words: ["p", "--config", "=", "a.toml", "--profile", ""], index: 5) == "a.toml")
        #expect(C.configPath(words: ["p", "--config", "a", "--config", "b", "--profile", ""], index: 6) == "b")
        // The word being completed is not a value yet.
        #expect(C.configPath(words: ["p", "--profile", "x", "--config", ""], index: 4) == nil)
        #expect(C.configPath(words: ["p", "--config"], index: 2) == nil)
        #expect(C.configPath(words: ["p", "--config", ""], index: 3) == nil)
    }

    @Test func wordsAreUnquotedAsTheShellWould() {
        typealias C = DynamicCompletion
        #expect(C.unquoted("'my config.toml'") == "my config.toml")
        #expect(C.unquoted("\"my config.toml\"") == "my config.toml")
        #expect(C.unquoted("my\\ config.toml") == "my config.toml")
        #expect(C.unquoted("~/a\"b c\"'d'") == "~/ab cd")
        #expect(C.unquoted("\"a\\\"b\\c\"") == "a\"b\\c")
        #expect(C.unquoted("'unterminated") == "unterminated")
    }
}

/// The source tree this test file is in.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
