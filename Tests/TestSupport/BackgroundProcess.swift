import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program left running while a test talks to it (`serve`, a Prometheus server): its output goes
/// to files the test reads, it can be signalled, and it is killed if the test forgets to stop it.
public final class BackgroundProcess: @unchecked Sendable {
    // Set once in init; `ended` only under `lock`.
    public let pid: pid_t
    public let outputPath: String
    private let lock = NSLock()
    private var ended: Int32?

    /// Starts `path` with `arguments` in `environment`; stdout and stderr both go to `outputPath`.
    public init(_ path: String, _ arguments: [String], environment: [String: String], outputPath: String) throws {
        self.outputPath = outputPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot start \(path): error \(result)"])
        }
        self.pid = pid
    }

    /// What it has written so far.
    public var output: String {
        String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// Its exit status once it has ended (a signal's number + 128), nil while it runs.
    public var exitStatus: Int32? {
        lock.withLock {
            if let ended { return ended }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            ended = code
            return code
        }
    }

    /// Waits up to `timeout` for it to end; its status, or nil if it still runs.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return exitStatus
    }

    /// Waits until `condition` holds of its output, or it ends, or `timeout` passes.
    /// - Throws: when it did not hold, with the output so far.
    @discardableResult
    public func waitForOutput(
        timeout: Duration = .seconds(30), _ what: String, _ condition: (String) -> Bool
    ) async throws
        -> String
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = output
            if condition(text) { return text }
            if exitStatus != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "never saw \(what); output:\n\(output)"])
    }

    /// SIGTERM, then SIGKILL if it has not ended within `grace`.
    public func stop(grace: Duration = .seconds(10)) async {
        guard exitStatus == nil else { return }
        signal(SIGTERM)
        if await waitForExit(timeout: grace) == nil {
            signal(SIGKILL)
            _ = await waitForExit(timeout: .seconds(5))
        }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}
