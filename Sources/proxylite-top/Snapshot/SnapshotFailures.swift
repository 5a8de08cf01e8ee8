import ArgumentParser
import ProxyLiteAPI

/// How `snapshot` reports panes that failed while others printed.
enum SnapshotFailures {
    /// One line per failure for stderr, exit code 4; nil when nothing failed. The texts come
    /// from `ProxyLiteError`, which never holds the key.
    static func cliError(_ failures: [SnapshotFailure]) -> CLIError? {
        guard !failures.isEmpty else { return nil }
        let lines = failures.map { "  \($0.pane.rawValue): \($0.error.description)" }
        return CLIError(exitCode: 4, message: "\(failures.count) part(s) failed:\n" + lines.joined(separator: "\n"))
    }
}

/// The regions pane's own options.
enum SnapshotRegionOptions {
    static func validate(pane: SnapshotPane, username: String?, country: String?, state: String?) throws {
        if (username != nil || state != nil) && pane != .regions {
            // `all` never fans out per account or country: these belong to the regions pane alone.
            throw ValidationError("--username and --state go with --pane regions.")
        }
        if country != nil, pane != .regions, pane != .staticIPs {
            throw ValidationError("--country goes with --pane regions (state search) or --pane static-ips (filter).")
        }
        if state != nil, country == nil { throw ValidationError("--state needs --country.") }
    }
}
