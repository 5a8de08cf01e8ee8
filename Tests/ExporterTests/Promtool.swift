import Foundation
import TestSupport
import Testing

/// Debian's `prometheus` package, which CI installs: its promtool and its server.
enum PrometheusTools {
    static let promtool = "/usr/bin/promtool"
    static let prometheus = "/usr/bin/prometheus"

    /// Fails the test, saying what to install, when `path` is missing: CI installs it, so a
    /// missing tool is a broken set-up, never a reason to skip.
    static func required(_ path: String) throws -> String {
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "\(path) is missing: install Debian's prometheus package (apt-get install -y prometheus), as README's system-package step and .ci/run do"
        )
        return path
    }

    /// `promtool check metrics` with `exposition` on its standard input.
    static func checkMetrics(_ exposition: [UInt8]) async throws -> (status: Int32, output: String) {
        let promtool = try required(promtool)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("exposition.txt")
        try Data(exposition).write(to: file)
        // The shell only redirects: promtool reads the exposition from stdin alone.
        let result = await spawnAndWait(
            "/bin/sh", ["-c", "exec \"$0\" check metrics < \"$1\"", promtool, file.path], environment: ["PATH": "/usr/bin:/bin"],
            captureOutput: true)
        return (result.status, result.output + result.errors)
    }

    static func checkRules(_ file: URL) async throws -> (status: Int32, output: String) {
        let result = await spawnAndWait(
            try required(promtool), ["check", "rules", file.path], environment: ["PATH": "/usr/bin:/bin"], captureOutput: true)
        return (result.status, result.output + result.errors)
    }
}

/// The repository's root, found from this file's path (Tests/ExporterTests/…).
enum Repository {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var alertRules: URL { root.appendingPathComponent("contrib/prometheus/alerts.yml") }
    static var grafanaDashboard: URL { root.appendingPathComponent("contrib/grafana/proxylite-top.json") }
}

/// A private folder under the system's temporary one, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("proxylite-exporter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
