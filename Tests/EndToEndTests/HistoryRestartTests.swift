import Foundation
import GRDB
import ProxyLiteSimulator
import TestSupport
import Testing

/// The real binary in tmux, twice on one history: the second run shows rates on its first screen.
@Suite(.serialized) struct HistoryRestartTests {
    @Test func aRestartShowsRatesOnItsFirstScreen() async throws {
        var world = SimulatorConfiguration(seed: 11, accounts: 20)
        world.appKey = testKey
        let simulator = try await Simulator.start(world)
        defer { Task { await simulator.stop() } }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let arguments = ["--base-url", simulator.baseURL.absoluteString, "--config", "/dev/null"]
        let environment = ["PROXYLITE_APP_KEY": testKey, "XDG_STATE_HOME": state]

        let first = try await TmuxSession(arguments, environment: environment)
        let firstScreen = try await first.waitFor("Accounts 20 / 20")
        #expect(!Self.rowsShowRates(firstScreen), "a first run has no rates before its second poll a minute later")
        try await first.send("q")
        try await first.waitFor("[exited 0]")
        await first.close()

        // Two minutes pass before the restart: the recorded samples are moved back by that much.
        let folder = state + "/proxylite-top"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sqlite") }
        #expect(files.count == 1, "\(files)")
        let database = try DatabaseQueue(path: folder + "/" + files[0])
        let moved = try await database.write { db in
            try db.execute(sql: "UPDATE sample SET t = t - 120")
            return db.changesCount
        }
        #expect(moved == 20)
        try database.close()
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try await TmuxSession(arguments, environment: environment)
        defer { Task { await second.close() } }
        let screen = try await second.waitFor("Accounts 20 / 20")
        #expect(Self.rowsShowRates(screen), "the first screen after a restart shows rates:\n\(screen)")
        #expect(!screen.contains(testKey))
        try await second.send("q")
        try await second.waitFor("[exited 0]")
    }

    /// Whether account rows (the lines after the table's header) show a rate such as "1.2 KB/s".
    static func rowsShowRates(_ screen: String) -> Bool {
        let lines = screen.split(separator: "\n")
        guard let header = lines.firstIndex(where: { $0.contains("USERNAME") && $0.contains("RATE") }) else { return false }
        return lines[(header + 1)...].prefix(5).filter { $0.contains("B/s") }.count >= 3
    }
}
