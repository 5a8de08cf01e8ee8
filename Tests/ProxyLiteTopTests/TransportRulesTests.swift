import ArgumentParser
import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import proxylite_top

/// What the command line refuses before it sends the key anywhere, and the exit codes of
/// failures a strict server gives.
@Suite struct TransportRulesTests {
    @Test func plainHTTPOffThisMachineIsRefused() async throws {
        let result = try await runBinary(
            ["snapshot", "--base-url", "http://api.example.com", "--pane", "accounts"], environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--allow-insecure-http") && result.stderr.contains("unencrypted"))
        #expect(!result.stderr.contains(testKey))
    }

    /// Checked in-process: a run with an allowed non-loopback URL would send traffic off this machine.
    @Test func plainHTTPIsAllowedWhenSaidOrOnLoopback() throws {
        let remote = try ConnectionOptions.parse(["--base-url", "http://api.example.com"])
        #expect(throws: CLIError.self) { try remote.checkTransport(remote.platformProfile(), config: Config()) }
        var allowedByConfig = Config()
        allowedByConfig.allowInsecureHTTP = true
        try remote.checkTransport(remote.platformProfile(), config: allowedByConfig)
        let flagged = try ConnectionOptions.parse(["--base-url", "http://api.example.com", "--allow-insecure-http"])
        try flagged.checkTransport(flagged.platformProfile(), config: Config())
        for url in ["http://127.0.0.1:8080", "http://127.9.9.9", "http://localhost:1", "http://[::1]:80", "https://api.example.com"] {
            let options = try ConnectionOptions.parse(["--base-url", url])
            try options.checkTransport(options.platformProfile(), config: Config())
        }
        for host in ["128.0.0.1", "localhost.example.com", "127.0.0.1.example.com", "::2"] {
            #expect(!InsecureHTTP.isLoopback(host), "\(host)")
        }
    }

    @Test func theConfigFileCanAllowInsecureHTTP() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insecure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.toml")
        try "base_url = \"http://api.example.com\"\n".write(to: config, atomically: true, encoding: .utf8)
        let refused = try await runBinary(
            ["snapshot", "--config", config.path, "--pane", "accounts"], environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(refused.status == 2 && refused.stderr.contains("allow_insecure_http"))
        try "base_url = \"http://api.example.com\"\nallow_insecure_http = yes\n".write(to: config, atomically: true, encoding: .utf8)
        let bad = try await runBinary(["snapshot", "--config", config.path], environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(bad.status == 2 && bad.stderr.contains(":2"), "\(bad.stderr)")
    }

    @Test func unauthorizedWithoutACodeExitsThree() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(codelessUnauthorized: true))) { simulator, _ in
            for pane in ["orders", "accounts"] {
                let result = try await runBinary(
                    ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--pane", pane, "--format", "json"],
                    environment: ["PROXYLITE_APP_KEY": testKey])
                #expect(result.status == 3, "\(pane): \(result.stderr)")
                #expect(result.stderr.contains("HTTP 401"))
            }
        }
    }

    @Test func aRedirectExitsFourNamingTheTarget() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(redirectTo: "http://127.0.0.1:9"))) { simulator, _ in
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--pane", "accounts"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 4)
            #expect(result.stderr.contains("redirects to http://127.0.0.1:9"))
            #expect(!result.stderr.contains(testKey))
        }
    }
}
