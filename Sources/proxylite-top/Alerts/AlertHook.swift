// swift-format-ignore-file: OrderedImports
// Glibc before Foundation: the first file the compiler reads in a batch decides which module owns
// glibc's structs (`stat`), and KeyFileWatch.swift, which imports Glibc, needs that to be Glibc.
#if canImport(Glibc)
    import Glibc
#endif
import CPlatform
import Foundation
import ProxyLiteAPI

/// How a run of the alert hook ended. Every failure is reported, for the caller to log; none is fatal.
enum AlertHookResult: Sendable, Equatable, CustomStringConvertible {
    case succeeded
    /// It exited with this non-zero status.
    case failed(status: Int32)
    /// A signal it did not catch ended it.
    case signalled(Int32)
    /// It was still running after this many seconds; its whole process group was killed.
    case timedOut(seconds: Double)
    /// It could not be started: why (no such program, not executable, …).
    case cannotStart(String)

    var isSuccess: Bool { self == .succeeded }

    var description: String {
        switch self {
        case .succeeded: return "ran"
        case .failed(let status): return "exited with status \(status)"
        case .signalled(let signal): return "ended by signal \(signal)"
        case .timedOut(let seconds):
            return "still running after \(AlertHook.seconds(seconds)) s; killed it and its process group"
        case .cannotStart(let why): return "cannot start: \(why)"
        }
    }
}

/// Runs the `exec` of `[alerts]`: the program and its arguments as given, without a shell, in a
/// process group of its own, the raised alerts as JSON on its stdin, in our environment with
/// every key variable taken out, killed with its group after the timeout.
enum AlertHook {
    static let defaultTimeout: Duration = .seconds(10)

    /// Where the hook's stdout and stderr go: nowhere (under the dashboard's screen), or ours.
    enum Output: Sendable {
        case discard
        case inherit
    }

    /// Runs `argv` on a thread of its own and waits for it (never longer than `timeout` and the
    /// moment of killing).
    /// - Parameters:
    ///   - key: the app_key in use, if any: a variable holding it is not passed on. Never logged.
    ///   - keyVariables: more variable names to leave out (the profile's key variable).
    static func run(
        _ argv: [String], input: [UInt8], key: AppKey?, keyVariables: [String] = [], timeout: Duration = defaultTimeout,
        environment: [String: String] = ProcessInfo.processInfo.environment, output: Output = .discard
    ) async -> AlertHookResult {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    returning: runBlocking(
                        argv, input: input, key: key, keyVariables: keyVariables, timeout: timeout, environment: environment,
                        output: output))
            }
            thread.name = "alert-hook"
            thread.start()
        }
    }

    /// `run` on the calling thread, which it blocks.
    static func runBlocking(
        _ argv: [String], input: [UInt8], key: AppKey?, keyVariables: [String] = [], timeout: Duration = defaultTimeout,
        environment: [String: String] = ProcessInfo.processInfo.environment, output: Output = .discard
    ) -> AlertHookResult {
        guard let first = argv.first, !first.isEmpty else { return .cannotStart("no program given") }
        let program = expandingTilde(first)
        let arguments = ([program] + argv.dropFirst()).map { strdup($0) } + [nil]
        let variables = strippedEnvironment(environment, key: key, keyVariables: keyVariables)
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let start = ContinuousClock.now
        let deadline = start + timeout
        var stdinFD: Int32 = -1
        var pid: pid_t = 0
        let inherit = output == .inherit
        var spawned = cproc_spawn_group(program, arguments, envp, inherit ? 1 : -1, inherit ? 2 : -1, &stdinFD, &pid)
        // Text file busy: the program is open for writing somewhere (being saved, or inherited by
        // a process another thread is starting). It passes within moments; try a few times.
        for _ in 0..<5 where spawned == ETXTBSY {
            usleep(50_000)
            spawned = cproc_spawn_group(program, arguments, envp, inherit ? 1 : -1, inherit ? 2 : -1, &stdinFD, &pid)
        }
        guard spawned == 0 else { return .cannotStart("\(first): \(String(cString: strerror(spawned)))") }

        // Its end, seen without reaping it, so that its pid (the group's id) stays its own until
        // we have killed the group if need be.
        let ended = EndSignal()
        let child = pid
        let waiter = Thread {
            _ = cproc_wait_ended(child)
            ended.signal()
        }
        waiter.name = "alert-hook-wait"
        waiter.start()

        // What the hook can take before the deadline; a hook that exits or closes its stdin early
        // ends the writing.
        let writingTime = max(0, seconds(ContinuousClock.now.duration(to: deadline)))
        _ = input.withUnsafeBytes { cproc_write_all(stdinFD, $0.baseAddress, $0.count, Int32(min(writingTime * 1000, 3_600_000))) }
        close(stdinFD)

        let left = ContinuousClock.now.duration(to: deadline)
        let timedOut = !ended.wait(until: Date().addingTimeInterval(max(0, seconds(left))))
        if timedOut {
            kill(-pid, SIGKILL)
            _ = ended.wait(until: nil)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if timedOut { return .timedOut(seconds: seconds(timeout)) }
        let signal = status & 0x7f
        if signal != 0 { return .signalled(signal) }
        let code = (status >> 8) & 0xff
        return code == 0 ? .succeeded : .failed(status: code)
    }

    /// `environment` without PROXYLITE_APP_KEY, any variable whose name holds APP_KEY, the ones
    /// named in `keyVariables`, and any whose value holds the key.
    static func strippedEnvironment(_ environment: [String: String], key: AppKey?, keyVariables: [String]) -> [String: String] {
        let named = Set(keyVariables + [KeyLoader.environmentVariable])
        return environment.filter { name, value in
            if named.contains(name) || name.uppercased().contains("APP_KEY") { return false }
            if let key, value.contains(key.secret) { return false }
            return true
        }
    }

    /// `~` and `~/…` (and `~user/…`) as the shell would expand them.
    static func expandingTilde(_ path: String) -> String {
        path.hasPrefix("~") ? (path as NSString).expandingTildeInPath : path
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `0.5`, `10`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Set once by the thread that sees the hook end; waited for, with a deadline, by the runner.
private final class EndSignal: @unchecked Sendable {
    // `done` is guarded by `condition`.
    private let condition = NSCondition()
    private var done = false

    func signal() {
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether it was set before `deadline`; nil waits for as long as it takes (a far-off date
    /// would overflow NSCondition's conversion).
    func wait(until deadline: Date?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !done {
            if let deadline {
                if !condition.wait(until: deadline) { return done }
            } else {
                condition.wait()
            }
        }
        return true
    }
}
