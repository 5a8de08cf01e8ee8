import CPlatform
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running on a pseudo-terminal whose every output byte is counted and time-stamped,
/// the way a terminal emulator over SSH would receive it.
final class PTYProcess: @unchecked Sendable {
    // `output`, `arrivals` and `finished` are guarded by `lock`; the reader thread appends, the
    // benchmark reads.
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var arrivals: [(time: ContinuousClock.Instant, count: Int)] = []
    private var finished = false
    let pid: pid_t
    private let master: Int32

    init(path: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var fd: Int32 = -1
        var child: pid_t = 0
        guard cpty_spawn(path, argv, envp, Int32(columns), Int32(rows), &fd, &child) == 0 else {
            throw CLIError(exitCode: 4, message: "cannot start \(path) on a pseudo-terminal")
        }
        master = fd
        pid = child
        let thread = Thread { [self] in readLoop() }
        thread.name = "pty-reader"
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n > 0 {
                let now = ContinuousClock.now
                lock.withLock {
                    output.append(contentsOf: buffer[0..<n])
                    arrivals.append((now, n))
                }
            } else if n < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        lock.withLock { finished = true }
    }

    var byteCount: Int { lock.withLock { output.count } }

    /// Bytes received since `mark` (a byte count).
    func text(since mark: Int) -> String {
        lock.withLock { String(decoding: output[min(mark, output.count)...], as: UTF8.self) }
    }

    /// Waits until the output after `mark` contains `needle`; returns when it arrived, or nil on timeout.
    func waitFor(_ needle: String, since mark: Int = 0, timeout: Duration) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        let bytes = Array(needle.utf8)
        while ContinuousClock.now < deadline {
            if let found = lock.withLock({ () -> ContinuousClock.Instant? in
                guard let range = output[min(mark, output.count)...].firstRange(of: bytes) else { return nil }
                // The arrival that completed the match.
                var total = 0
                for arrival in arrivals {
                    total += arrival.count
                    if total >= range.upperBound { return arrival.time }
                }
                return arrivals.last?.time
            }) {
                return found
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    /// After `mark`, the time the first byte arrived and the time the burst ended (no byte for `quiet`).
    func burst(
        after mark: Int, quiet: Duration, timeout: Duration
    ) async -> (first: ContinuousClock.Instant, last: ContinuousClock.Instant)? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let result = lock.withLock { () -> (ContinuousClock.Instant, ContinuousClock.Instant, Bool)? in
                var total = 0
                var first: ContinuousClock.Instant?
                var last: ContinuousClock.Instant?
                for arrival in arrivals {
                    total += arrival.count
                    if total > mark {
                        if first == nil { first = arrival.time }
                        last = arrival.time
                    }
                }
                guard let first, let last else { return nil }
                return (first, last, ContinuousClock.now - last >= quiet)
            }
            if let result, result.2 { return (result.0, result.1) }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return nil
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// CPU seconds (user + system) the process has used, from /proc.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(20_000)
        }
        close(master)
    }
}
