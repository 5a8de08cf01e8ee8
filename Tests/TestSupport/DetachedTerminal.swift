import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary on a pseudo-terminal that is *not* its controlling terminal (it runs in a
/// session of its own that has none): closing the master end then hangs the terminal up without
/// any SIGHUP, as when an SSH connection drops under a process started with `setsid` or `nohup`.
public final class DetachedTerminal: Sendable {
    public let pid: pid_t
    /// Shared with the reading thread (a Mutex cannot be captured by itself).
    private final class Shared: Sendable {
        let output = Mutex<[UInt8]>([])
        let hangUpAsked = Mutex(false)
    }
    private let shared = Shared()

    public init(_ arguments: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        guard let (master, slave) = openPseudoTerminal() else {
            throw DetachedTerminalError(message: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // O_NOCTTY: a session leader opening a terminal would otherwise make it its controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR | O_NOCTTY, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID, which Swift does not import

        let path = BuiltBinary.url.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw DetachedTerminalError(message: "spawn failed: \(String(cString: strerror(status)))")
        }
        pid = child
        // One thread reads the master (the app would block writing otherwise) and, when asked,
        // closes it itself: a close from another thread would not end a read already waiting on it.
        let thread = Thread { [shared] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !shared.hangUpAsked.withLock({ $0 }) {
                var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 50) >= 0 else { continue }
                guard ready.revents != 0 else { continue }
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                shared.output.withLock { $0 += buffer[0..<count] }
            }
            close(master)
        }
        thread.start()
    }

    /// What the app wrote so far, as text.
    public var text: String { String(decoding: shared.output.withLock { $0 }, as: UTF8.self) }

    /// Waits until the output contains `text`.
    public func waitFor(_ text: String, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !self.text.contains(text) {
            guard ContinuousClock.now < deadline else {
                throw DetachedTerminalError(message: "timed out waiting for \(text.debugDescription); got:\n\(self.text.suffix(800))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Closes the master end: the terminal hangs up, and no signal is sent.
    public func hangUp() { shared.hangUpAsked.withLock { $0 = true } }

    /// The exit status and CPU seconds used, once the app has exited; nil if it has not within `timeout`.
    public func waitForExit(timeout: Duration) async throws -> (status: Int32, cpuSeconds: Double)? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            var usage = rusage()
            if wait4(pid, &status, WNOHANG, &usage) == pid {
                let cpu = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
                return (status, cpu(usage.ru_utime) + cpu(usage.ru_stime))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// CPU seconds used so far (from /proc), while it runs.
    public var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are fields 14 and 15; after the name, fields start at 3.
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    public func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}

/// A new pseudo-terminal: the master's descriptor (close-on-exec) and the slave's path. By hand,
/// because Glibc's module leaves out posix_openpt, unlockpt and ptsname.
public func openPseudoTerminal() -> (master: Int32, slave: String)? {
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { return nil }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    // TIOCSPTLCK and TIOCGPTN (function-like macros Swift cannot import).
    guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
        close(master)
        return nil
    }
    return (master, "/dev/pts/\(number)")
}

public struct DetachedTerminalError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
