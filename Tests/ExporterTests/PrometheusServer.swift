import Foundation
import NIOCore
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A real Prometheus on loopback with its own port, configuration and storage in a temporary
/// folder, stopped by its pid (SIGTERM, then a wait) whatever happens in between.
final class PrometheusServer: Sendable {
    let process: BackgroundProcess
    let port: Int
    let folder: TemporaryFolder
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var log: String { (try? String(contentsOf: folder.url.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? "" }

    private init(process: BackgroundProcess, port: Int, folder: TemporaryFolder) {
        self.process = process
        self.port = port
        self.folder = folder
    }

    /// Runs `body` with a Prometheus scraping `target` every second (with `bearerToken`) and
    /// evaluating `ruleFile`; stops it and removes its folder on every path out.
    static func with<T: Sendable>(
        scraping target: String, bearerToken: String, ruleFile: URL, _ body: (PrometheusServer) async throws -> T
    ) async throws -> T {
        let server = try await startReady(target: target, bearerToken: bearerToken, ruleFile: ruleFile)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(server))
        } catch {
            result = .failure(error)
        }
        await server.stop()
        server.folder.remove()
        return try result.get()
    }

    /// A started and ready Prometheus. `freePort` can lose its port to another test before
    /// Prometheus binds it, and then Prometheus exits: that is tried again on a new port, twice.
    private static func startReady(target: String, bearerToken: String, ruleFile: URL) async throws -> PrometheusServer {
        var failures: [String] = []
        for _ in 0..<3 {
            let server = try start(target: target, bearerToken: bearerToken, ruleFile: ruleFile)
            do {
                try await server.waitUntilReady()
                return server
            } catch {
                failures.append("\(error)")
                await server.stop()
                server.folder.remove()
                guard server.hasExited else { break }
            }
        }
        throw PrometheusFailure("Prometheus did not start:\n" + failures.joined(separator: "\n---\n"))
    }

    private static func start(target: String, bearerToken: String, ruleFile: URL) throws -> PrometheusServer {
        let binary = try PrometheusTools.required(PrometheusTools.prometheus)
        let folder = try TemporaryFolder()
        let port: Int
        do {
            port = try freePort()
            let config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - \(ruleFile.path)
                scrape_configs:
                  - job_name: proxylite-top
                    authorization:
                      type: Bearer
                      credentials: \(bearerToken)
                    static_configs:
                      - targets: ['\(target)']

                """
            try Data(config.utf8).write(to: folder.url.appendingPathComponent("prometheus.yml"))
        } catch {
            folder.remove()
            throw error
        }
        let arguments = [
            "--config.file=\(folder.url.appendingPathComponent("prometheus.yml").path)",
            "--storage.tsdb.path=\(folder.url.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--log.level=info",
        ]
        let logPath = folder.url.appendingPathComponent("prometheus.log").path
        let process: BackgroundProcess
        do {
            process = try BackgroundProcess(
                binary, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": folder.url.path], outputPath: logPath)
        } catch {
            folder.remove()
            throw PrometheusFailure("could not start \(binary): \(error)")
        }
        return PrometheusServer(process: process, port: port, folder: folder)
    }

    /// Until /-/ready answers 200. Before that the port refuses connections, and then answers
    /// 503 in plain text while the storage opens; a query sent then is not JSON. On a loaded
    /// machine that takes seconds, so it is waited for rather than raced.
    private func waitUntilReady() async throws {
        let deadline = ContinuousClock.now + .seconds(90)
        var last = "no answer"
        while ContinuousClock.now < deadline {
            if hasExited { throw PrometheusFailure("Prometheus exited before it was ready:\n\(log.suffix(4000))") }
            do {
                let answer = try await fetch("\(baseURL)/-/ready", timeout: .seconds(5))
                if answer.status == 200 { return }
                last = "HTTP \(answer.status): \(answer.text.prefix(200))"
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw PrometheusFailure("Prometheus not ready within 90 s (last: \(last)); its log:\n\(log.suffix(4000))")
    }

    /// Whether the process has exited (reaping it if so).
    var hasExited: Bool { process.exitStatus != nil }

    /// SIGTERM, then up to 30 s for a clean exit (it writes its head block), then SIGKILL.
    private func stop() async { await process.stop(grace: .seconds(30)) }

    /// A loopback port nobody listens on now: bound to 0, read back, closed. Prometheus binds it
    /// a moment later; should another program take it in between, Prometheus exits and the
    /// test says so with its log.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PrometheusFailure("no socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw PrometheusFailure("cannot bind a loopback port: \(String(cString: strerror(errno)))") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct PrometheusFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
