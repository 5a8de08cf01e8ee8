import ArgumentParser
import Exporter
import Foundation
import Logging

/// Where and how the Prometheus exporter listens: shared by `serve` and the dashboard.
struct MetricsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Serve /metrics in the Prometheus text format on HOST:PORT (loopback unless --metrics-allow-remote).",
            valueName: "host:port"))
    var metricsListen: String?

    @Option(
        help: ArgumentHelp(
            "Per-subject series for the top N accounts by usage (and the N static IPs and packages expiring soonest), all, or none.",
            valueName: "n|all|none"))
    var metricsTop = "100"

    @Flag(
        help: ArgumentHelp(
            "Allow --metrics-listen on an address other than loopback.",
            discussion: "Anyone who reaches it reads the accounts' usage; pair it with --metrics-token-file."))
    var metricsAllowRemote = false

    @Option(
        help: ArgumentHelp(
            "Require this bearer token (read from a file of mode 600) on every scrape.", valueName: "path"))
    var metricsTokenFile: String?

    func validate() throws {
        if (try? MetricsCardinality(parsing: metricsTop)) == nil {
            throw ValidationError("--metrics-top takes a number of series, all or none, not '\(metricsTop)'.")
        }
    }

    /// What the exporter is told to keep.
    var cardinality: MetricsCardinality {
        (try? MetricsCardinality(parsing: metricsTop)) ?? .top(100)  // checked in validate()
    }

    /// The address to listen on, checked: loopback unless allowed, and the token readable.
    /// - Throws: `CLIError.usage` (exit 2).
    func endpoint(default fallback: String?) throws -> (listen: MetricsListen, token: String?)? {
        guard let text = metricsListen ?? fallback else {
            if metricsTokenFile != nil || metricsAllowRemote {
                throw CLIError.usage("--metrics-token-file and --metrics-allow-remote go with --metrics-listen HOST:PORT")
            }
            return nil
        }
        let listen: MetricsListen
        do {
            listen = try MetricsListen(parsing: text)
        } catch {
            throw CLIError.usage("--metrics-listen: \(error)")
        }
        guard listen.isLoopback || metricsAllowRemote else {
            throw CLIError.usage(
                "--metrics-listen \(text) is reachable from other machines, and anyone who reaches it reads the accounts' usage. "
                    + "Pass --metrics-allow-remote to serve it there (with --metrics-token-file to require a token), or listen on 127.0.0.1."
            )
        }
        return (listen, try metricsTokenFile.map(Self.readToken))
    }

    /// The token file is held to the key file's rule: only its owner may read it.
    static func readToken(_ path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        var info = stat()
        guard stat(expanded, &info) == 0 else {
            throw CLIError.usage("cannot read the metrics token file \(path): \(String(cString: strerror(errno))).")
        }
        if info.st_mode & 0o077 != 0 {
            throw CLIError.usage(
                "the metrics token file \(path) can be read by other users; run `chmod 600 \(path)` and try again.")
        }
        guard let data = FileManager.default.contents(atPath: expanded),
            case let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty
        else {
            throw CLIError.usage("the metrics token file \(path) is empty.")
        }
        return token
    }
}
