import Foundation

/// Where a profile's history lives: one database per profile and API host, under
/// `$XDG_STATE_HOME/proxylite-top/` (else `~/.local/state/proxylite-top/`), in a folder only the
/// user can enter.
public struct HistoryLocation: Sendable, Equatable {
    public var path: String

    public init(path: String) { self.path = path }

    /// The database of `profile` on `host` (the API's host name, with its port when it has one).
    public static func standard(
        profile: String, host: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> HistoryLocation {
        HistoryLocation(path: folder(environment: environment) + "/" + fileName(profile: profile, host: host))
    }

    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return base + "/proxylite-top"
    }

    /// `default@api.proxylite.com.sqlite`: readable in a listing, and safe as a file name whatever
    /// the host or profile holds.
    public static func fileName(profile: String, host: String) -> String {
        func safe(_ text: String) -> String {
            let kept = text.lowercased().map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_") ? c : "_"
            }
            return kept.isEmpty ? "_" : String(kept)
        }
        return "\(safe(profile))@\(safe(host)).sqlite"
    }

    /// The lock file beside the database: whoever holds it writes.
    var lockPath: String { path + ".lock" }

    /// Makes the folder (700) if it is missing, and the database file (600) before SQLite does,
    /// so that neither is ever readable by others, whatever the umask.
    func prepare() throws(HistoryError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .unwritable(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        // A folder of ours made looser by hand is made private again (never a folder the user
        // merely named, such as /tmp).
        if (folder as NSString).lastPathComponent.hasPrefix("proxylite-top") { _ = chmod(folder, 0o700) }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, 0o600)
        close(fd)
    }
}
