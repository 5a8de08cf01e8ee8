import Foundation

/// Why history is not kept; the header shows `headline`, the log the whole description. None of
/// them stops the live view.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder or the file cannot be created or written.
    case unwritable(path: String, reason: String)
    /// The file is not a database this version can read (corrupt, or written by something else).
    case corrupt(path: String, reason: String)
    /// Another process keeps the database busy past the wait.
    case locked(path: String)
    /// A newer proxylite-top wrote a schema this one does not know.
    case newerSchema(path: String)
    /// Any other SQLite failure.
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let reason): "cannot write the history at \(path): \(reason)"
        case .corrupt(let path, let reason):
            "the history database \(path) is unreadable (\(reason)); move it away and a new one starts"
        case .locked(let path): "the history database \(path) is locked by another process"
        case .newerSchema(let path): "the history database \(path) was written by a newer proxylite-top"
        case .failed(let path, let reason): "history database \(path): \(reason)"
        }
    }

    /// A few words for the header.
    public var headline: String {
        switch self {
        case .unwritable: "history unwritable"
        case .corrupt: "history database corrupt"
        case .locked: "history database locked"
        case .newerSchema: "history from a newer version"
        case .failed: "history failing"
        }
    }
}
