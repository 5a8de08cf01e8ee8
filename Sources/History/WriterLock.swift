import Foundation

/// One writer per database: an exclusive `flock` on the file beside it, held for as long as the
/// process runs (the kernel drops it when the process dies, so a crash never leaves it stuck).
/// The holder writes its pid and command into the file, so that a second dashboard can say who
/// writes.
final class WriterLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// The lock, or what holds it.
    enum Outcome {
        case acquired(WriterLock)
        case heldBy(String)
    }

    static func acquire(at path: String, describing holder: String) throws(HistoryError) -> Outcome {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            var text = [UInt8](repeating: 0, count: 256)
            let count = pread(fd, &text, text.count, 0)
            close(fd)
            guard error == EWOULDBLOCK else { throw .unwritable(path: path, reason: String(cString: strerror(error))) }
            let who = count > 0 ? String(decoding: text[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            return .heldBy(who.isEmpty ? "another proxylite-top" : who)
        }
        _ = ftruncate(fd, 0)
        let line = Array((holder + "\n").utf8)
        _ = pwrite(fd, line, line.count, 0)
        return .acquired(WriterLock(fd: fd))
    }

    /// Lets another process write at once (the process is stopping); the descriptor closes with
    /// this object.
    func release() { _ = flock(fd, LOCK_UN) }

    // Unlocked before closing: a process another thread is starting (between its fork and its
    // exec) holds a copy of the descriptor, and closing ours alone would leave the lock held
    // until that copy goes.
    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
