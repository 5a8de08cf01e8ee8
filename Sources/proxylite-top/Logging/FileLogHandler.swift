import Foundation
import Logging

/// Appends log lines to a file, never the terminal (the dashboard owns it).
struct FileLogHandler: LogHandler {
    // One descriptor shared by every handler copy; appends are atomic for lines this short.
    private let fd: Int32
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    private let label: String

    init(label: String, fd: Int32) {
        self.label = label
        self.fd = fd
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
        let line = "\(APIDateStamp.now()) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// The log file's path: `$XDG_STATE_HOME/proxylite-top/proxylite-top.log`, or under `~/.local/state`.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return base + "/proxylite-top/proxylite-top.log"
    }

    /// Opens the log file (creating its folder, mode 600) and routes swift-log there.
    /// Returns the path, or nil when the file cannot be opened (then logging is off).
    @discardableResult
    static func bootstrap(level: Logger.Level = .info) -> String? {
        let file = path()
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return nil
        }
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, fd: fd)
            handler.logLevel = level
            return handler
        }
        return file
    }
}

enum APIDateStamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date())
    }
}
