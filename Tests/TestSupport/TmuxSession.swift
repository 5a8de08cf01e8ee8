import Foundation
import Synchronization

/// The built binary running in a private tmux server at a fixed size, read back with
/// `capture-pane` and driven with `send-keys`. Waits poll the screen against a deadline; nothing
/// sleeps for a fixed time.
public final class TmuxSession: Sendable {
    public let socket: String
    let folder: URL

    /// Starts `arguments` of the built binary in a `width`×`height` pane. When it exits, the pane
    /// prints `[exited N]` and stays open for inspection.
    public convenience init(
        _ arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]
    ) async throws {
        try await self.init(width: width, height: height, environment: environment) { env in
            "env \(env) \(Self.appCommand(arguments)); echo \"[exited $?]\"; sleep 60"
        }
    }

    /// An interactive shell (bash without rc files, prompt `pl$ `) in the pane, with job control,
    /// so that a test can start the app with `startApp`, stop it with Ctrl-Z, bring it back with
    /// `fg`, and run `stty -a` before and after.
    public static func shell(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) async throws -> TmuxSession {
        let session = try await TmuxSession(width: width, height: height, environment: environment.merging(["PS1": "pl$ "]) { $1 }) {
            "env \($0) /bin/bash --norc --noprofile -i"
        }
        try await session.waitFor("pl$")  // capture-pane drops the trailing space
        return session
    }

    private init(
        width: Int, height: Int, environment: [String: String], command: (String) -> String
    ) async throws {
        socket = "pltest-\(UUID().uuidString.prefix(8))"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var env = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_STATE_HOME": folder.path + "/state",
            "XDG_CONFIG_HOME": folder.path + "/config", "HOME": folder.path,
        ]
        env.merge(environment) { $1 }
        let assignments = env.keys.sorted().map { "\($0)=\(Self.quote(env[$0]!))" }.joined(separator: " ")
        try await tmux(["new-session", "-d", "-x", String(width), "-y", String(height), command(assignments)])
    }

    static func appCommand(_ arguments: [String]) -> String {
        "\(quote(BuiltBinary.url.path)) \(arguments.map(quote).joined(separator: " "))"
    }

    /// In a `shell()` session: types the command line that starts the app with `arguments`; when
    /// it exits, the shell prints `[exited N]`.
    public func startApp(_ arguments: [String]) async throws {
        // The quotes split the marker on the command line, so that only the output matches it.
        try await type("\(Self.appCommand(arguments)); echo \"[exi\"\"ted $?]\"")
        try await send("Enter")
    }

    private let marks = Mutex(0)

    /// In a `shell()` session: runs `line` at the prompt and waits until it has finished.
    public func runInShell(_ line: String, timeout: Duration = .seconds(15)) async throws {
        let mark = marks.withLock {
            $0 += 1
            return $0
        }
        try await type("\(line); echo \"=done\"\"\(mark)=\"")
        try await send("Enter")
        try await waitFor("=done\(mark)=", timeout: timeout)
    }

    /// In a `shell()` session: `stty -a` as the shell sees the terminal now, without the window
    /// size (which a resize changes legitimately).
    public func sttySettings() async throws -> String {
        let file = folder.appendingPathComponent("stty-\(UUID().uuidString.prefix(6)).txt")
        try await runInShell("stty -a > \(Self.quote(file.path))")
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
    }

    /// A tmux format of the pane (`#{alternate_on}`, `#{keypad_cursor_flag}` …), as tmux sees the terminal's modes.
    public func paneFormat(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The folder given to the app as its home, config and state.
    public var home: URL { folder }

    public func capture() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the screen contains `text`; returns the screen. Throws with the last screen on timeout.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    @discardableResult
    public func waitUntil(timeout: Duration = .seconds(15), _ what: String, _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try await capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxTimeout(waitingFor: what, screen: screen)
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-l`, `q`).
    public func send(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally.
    public func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// Pastes `text` as a terminal does: tmux wraps it in `ESC[200~` … `ESC[201~` only if the
    /// app turned bracketed paste on, and sends its newlines as carriage returns.
    public func paste(_ text: String) async throws {
        try await tmux(["set-buffer", "--", text])
        try await tmux(["paste-buffer", "-p", "-t", "0"])
    }

    public func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// The process the pane's shell started (the app), from the shell's children.
    public func appPID() async throws -> Int32? {
        let shell = try await tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    public func close() async {
        _ = try? await tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) async throws -> String {
        // Only capture-pane's output is read: the server that new-session starts would otherwise
        // inherit the pipe and keep it open.
        let result = await spawnAndWait(
            "/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments,
            environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TMUX_TMPDIR": folder.path],
            captureOutput: arguments.first == "capture-pane" || arguments.first == "display-message")
        return result.output
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

public struct TmuxTimeout: Error, CustomStringConvertible {
    public let waitingFor: String
    public let screen: String
    public var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
}
