import Foundation
import Logging

/// Collects log lines, with their metadata, for tests that check what was logged (and that no
/// key was).
public final class LogSink: LogHandler, @unchecked Sendable {
    // Guarded by `lock`: a LogHandler is copied as a value, so the lines are shared by reference.
    private let lock = NSLock()
    private var stored: [String] = []
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init() {}

    public var lines: [String] { lock.withLock { stored } }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = "\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)"
        lock.withLock { stored.append(line) }
    }
}
