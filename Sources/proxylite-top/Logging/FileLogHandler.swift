import Foundation
import Logging
import ProxyLiteAPI

/// Sends log entries to the log file, never the terminal (the dashboard owns it). Text from the
/// provider can end up in an entry, so every entry is made one line with its controls escaped.
struct FileLogHandler: LogHandler {
    private let file: LogFile
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private let label: String

    init(label: String, file: LogFile) {
        self.label = label
        self.file = file
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        file.write(Self.entry(event, label: label, metadata: metadata), stamp: LogStamp.now())
    }

    /// One entry as one line: level, label, message and sorted metadata, every control escaped.
    static func entry(_ event: LogEvent, label: String, metadata: Logger.Metadata) -> String {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.keys.sorted().compactMap { key in merged[key].map { "\(key)=\($0)" } }.joined(separator: " ")
        return SafeText.escapingControls("\(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
    }

    /// The log file's path: `$XDG_STATE_HOME/proxylite-top/proxylite-top.log`, or under `~/.local/state`.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return base + "/proxylite-top/proxylite-top.log"
    }

    /// Opens the log file (creating its folder, mode 600) and routes swift-log there.
    /// Returns the path and the file's descriptor (for the crash handler), or nil when the file
    /// cannot be opened (then logging is off).
    @discardableResult
    static func bootstrap(level: Logger.Level = .info) -> (path: String, descriptor: Int32)? {
        let file = path()
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard let log = LogFile(path: file) else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return nil
        }
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, file: log)
            handler.logLevel = level
            return handler
        }
        return (file, log.descriptor)
    }
}
