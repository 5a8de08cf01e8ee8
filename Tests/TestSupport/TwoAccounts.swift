import Foundation
import ProxyLiteSimulator

/// Two simulated accounts with keys of their own, and a private folder holding the first one's key
/// file (mode 600): what the tests of profiles start from before writing their config.
public struct TwoAccounts: Sendable {
    public let a: Simulator
    public let b: Simulator
    public let folder: String
    public let keyFile: String

    /// Starts both; `keyInFile` is what the key file holds (the first key unless a test wants a wrong one).
    public static func start(
        _ first: SimulatorConfiguration, _ second: SimulatorConfiguration, keyInFile: String? = nil, folderPrefix: String
    ) async throws -> TwoAccounts {
        let a = try await Simulator.start(first)
        let b: Simulator
        do { b = try await Simulator.start(second) } catch {
            await a.stop()
            throw error
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(folderPrefix)-\(UUID().uuidString)").path
        let keyFile = folder + "/a.key"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try (keyInFile ?? first.appKey).write(toFile: keyFile, atomically: true, encoding: .utf8)
            chmod(keyFile, 0o600)
        } catch {
            await a.stop()
            await b.stop()
            throw error
        }
        return TwoAccounts(a: a, b: b, folder: folder, keyFile: keyFile)
    }

    /// Stops both simulators and removes the folder.
    public func stop() async {
        await a.stop()
        await b.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
