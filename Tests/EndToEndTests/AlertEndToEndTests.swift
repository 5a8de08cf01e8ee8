import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

/// The real binary in tmux raising alerts from the simulator's accounts: the hook hears them, the
/// Alerts pane lists them, a key acknowledges.
@Suite(.serialized) struct AlertEndToEndTests {
    @Test func alertsReachTheHookAndThePane() async throws {
        var world = SimulatorConfiguration(seed: 12, accounts: 20)
        world.appKey = testKey
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alerts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let received = folder + "/received.json"
        let environmentDump = folder + "/env.txt"
        let config = folder + "/config.toml"
        try """
        [alerts]
        usage_percent = 0.001
        exec = ["/bin/sh", "-c", "cat > \(received).part; env > \(environmentDump); mv \(received).part \(received)"]
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let tmux = try await TmuxSession(
            ["--base-url", simulator.baseURL.absoluteString, "--config", config], environment: ["PROXYLITE_APP_KEY": testKey])
        defer { Task { await tmux.close() } }
        try await tmux.waitFor("Accounts 20 / 20")
        // The hook's file appears once it has run (moved into place whole).
        var json: Data?
        for _ in 0..<200 {
            json = FileManager.default.contents(atPath: received)
            if json != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let body = try #require(json, "the hook never ran")
        let alerts = try #require(try JSONSerialization.jsonObject(with: body) as? [[String: Any]])
        #expect(!alerts.isEmpty)
        #expect(alerts.allSatisfy { $0["kind"] as? String == "usage_percent" && $0["at"] is String && $0["message"] is String })
        let environment = String(decoding: FileManager.default.contents(atPath: environmentDump) ?? Data(), as: UTF8.self)
        #expect(!environment.contains("PROXYLITE_APP_KEY"))
        #expect(!environment.contains(testKey))
        #expect(!String(decoding: body, as: UTF8.self).contains(testKey))

        try await tmux.send("9")
        // Both in one capture: a capture can land between two lines of a frame being drawn.
        let pane = try await tmux.waitUntil(timeout: .seconds(10), "the Alerts pane") {
            $0.contains("\(alerts.count) active") && $0.contains("9 Alerts (\(alerts.count))")
        }
        #expect(pane.contains("ACTIVE usage"))
        try await tmux.send("A")
        let acknowledged = try await tmux.waitUntil(timeout: .seconds(10), "acknowledged") { !$0.contains("ACTIVE") }
        #expect(!acknowledged.contains("9 Alerts ("))
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }
}
