import ArgumentParser
import Foundation
import History
import ProxyLiteAPI

/// Whether and where history is kept: shared by the dashboard and `history`.
struct HistoryOptions: ParsableArguments {
    @Flag(help: "Keep no local history (no rates at start, sparklines, projections or alerts).")
    var noHistory = false

    /// The database folder instead of $XDG_STATE_HOME/proxylite-top (tests, or a second copy).
    @Option(help: .hidden) var historyFolder: String?
}

/// The database of a profile and API host: `<profile>@<host>.sqlite`.
enum HistoryPlace {
    static func location(profile: String, client: ProxyLiteClient, folder: String?) -> HistoryLocation {
        location(profile: profile, baseURL: client.configuration.profile.baseURL, folder: folder)
    }

    static func location(profile: String, baseURL url: URL, folder: String?) -> HistoryLocation {
        let host = (url.host ?? "unknown") + (url.port.map { ":\($0)" } ?? "")
        guard let folder else { return .standard(profile: profile, host: host) }
        let expanded = (folder as NSString).expandingTildeInPath
        return HistoryLocation(path: expanded + "/" + HistoryLocation.fileName(profile: profile, host: host))
    }

    /// `--demo` keeps its history in a folder of its own that goes when it ends.
    static func demoFolder() -> String {
        NSTemporaryDirectory() + "proxylite-top-demo-\(getpid())"
    }
}
