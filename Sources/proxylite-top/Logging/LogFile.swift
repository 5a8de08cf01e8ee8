import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The log on disk, for a dashboard that runs for days: entries are one line each, the file
/// rotates at a size limit (`proxylite-top.log`, `.1`, `.2`), and an entry repeated back to back
/// (the same failure every 30 s during an outage) is written once, then counted.
final class LogFile: @unchecked Sendable {
    // Every member below is guarded by `lock`.
    private let lock = NSLock()
    let path: String
    let maxBytes: Int
    /// Files kept, the current one included.
    let keep: Int
    /// The descriptor, the same number for the file's whole life (rotation reopens onto it), so
    /// that the crash handler, which may not take the lock, can be given it once.
    let descriptor: Int32
    private var size: Int
    private var last: String?
    private var repeats = 0
    private var repeatsSince: Date?
    /// A run of repeats is summed up at least this often, so that a lasting failure still shows.
    let repeatSummaryEvery: TimeInterval

    /// Opens (creating, mode 600) the log at `path`. Nil when it cannot be opened.
    init?(path: String, maxBytes: Int = 10 << 20, keep: Int = 3, repeatSummaryEvery: TimeInterval = 600) {
        self.path = path
        self.maxBytes = max(1024, maxBytes)
        self.keep = max(1, keep)
        self.repeatSummaryEvery = repeatSummaryEvery
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        self.descriptor = fd
        var info = stat()
        size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    deinit {
        lock.withLock { flushRepeats(stamp: LogStamp.now()) }
        close(descriptor)
    }

    /// Writes `entry` (already one line) after `stamp`, or counts it if it repeats the last one.
    func write(_ entry: String, stamp: String, at now: Date = Date()) {
        lock.withLock {
            if entry == last {
                repeats += 1
                if repeatsSince == nil { repeatsSince = now }
                if let since = repeatsSince, now.timeIntervalSince(since) >= repeatSummaryEvery { flushRepeats(stamp: stamp) }
                return
            }
            flushRepeats(stamp: stamp)
            last = entry
            append("\(stamp) \(entry)\n")
        }
    }

    private func flushRepeats(stamp: String) {
        guard repeats > 0 else { return }
        append("\(stamp) (the entry before repeated \(repeats) more time\(repeats == 1 ? "" : "s"))\n")
        repeats = 0
        repeatsSince = nil
    }

    private func append(_ line: String) {
        var bytes = Array(line.utf8)
        if size + bytes.count > maxBytes { rotate() }
        if bytes.count > maxBytes { bytes = Array(bytes.prefix(maxBytes - 1)) + [0x0A] }
        let written = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written > 0 { size += written }
    }

    /// `log` → `log.1` → `log.2` …, the oldest dropped. The open descriptor follows the renamed
    /// file; the new file is then put in its place with dup2, so the number does not change.
    private func rotate() {
        if keep > 1 {
            unlink("\(path).\(keep - 1)")
            for index in stride(from: keep - 2, through: 1, by: -1) { rename("\(path).\(index)", "\(path).\(index + 1)") }
            rename(path, "\(path).1")
        } else {
            unlink(path)
        }
        let fresh = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fresh >= 0 {
            dup2(fresh, descriptor)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)  // dup2 clears it
            close(fresh)
        }
        size = 0
    }
}

enum LogStamp {
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
