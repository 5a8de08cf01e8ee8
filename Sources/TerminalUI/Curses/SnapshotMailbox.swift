import Foundation
import Monitor

/// Where the store drops each new snapshot for the curses thread: only the newest is kept, and
/// dropping one wakes the thread. Safe from any thread or task.
public final class SnapshotMailbox: @unchecked Sendable {
    // `latest` is only touched under `lock`; that is what makes the class Sendable.
    private let lock = NSLock()
    private var latest: Snapshot?

    public init() {}

    public func post(_ snapshot: Snapshot) {
        lock.withLock { latest = snapshot }
        WakeUp.signal()
    }

    func take() -> Snapshot? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }
}
