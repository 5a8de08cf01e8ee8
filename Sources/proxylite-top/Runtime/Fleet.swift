import Foundation
import Logging
import Monitor

/// Every watched profile's runtime, and the hub their stores publish through.
final class Fleet: Sendable {
    let runtimes: [ProfileRuntime]
    let hub: ProfileHub

    private init(runtimes: [ProfileRuntime], hub: ProfileHub) {
        self.runtimes = runtimes
        self.hub = hub
    }

    /// Starts one runtime per profile, in order; if one cannot start, those already started stop
    /// and the error (which names the profile) is thrown.
    /// - Parameters:
    ///   - toScreen: gets the active profile's snapshot (the dashboard's mailbox).
    ///   - listener: gets every profile's snapshot as it is published (the exporter).
    ///   - onPoll: hears every profile's polls (the exporter).
    static func start(
        _ profiles: [Config], shared: ProfileRuntime.Shared, toScreen: @escaping @Sendable (Snapshot) -> Void = { _ in },
        listener: @escaping @Sendable (String, Snapshot) -> Void = { _, _ in },
        onPoll: (@Sendable (String, PollReport) -> Void)? = nil
    ) async throws -> Fleet {
        let members = profiles.map { settings in
            ProfileHub.Member(
                name: settings.name, colour: settings.colour,
                packageDays: settings.alerts.thresholds[.packageDays] ?? ProfileOverview.defaultPackageDays,
                staticIPDays: settings.alerts.thresholds[.staticIPDays] ?? ProfileOverview.defaultStaticIPDays)
        }
        let hub = ProfileHub(members: members, toScreen: toScreen, toListeners: listener)
        var shared = shared
        shared.keyVariables = Array(Set(shared.keyVariables + profiles.compactMap(\.appKeyEnv))).sorted()
        var runtimes: [ProfileRuntime] = []
        for settings in profiles {
            let name = settings.name
            var hear: (@Sendable (PollReport) -> Void)?
            if let onPoll { hear = { report in onPoll(name, report) } }
            do {
                let runtime = try await ProfileRuntime.start(settings, shared: shared, publish: hub.publisher(for: name), onPoll: hear)
                runtimes.append(runtime)
            } catch {
                for runtime in runtimes { await runtime.stop() }
                if let cli = error as? CLIError, profiles.count > 1 {
                    throw CLIError(exitCode: cli.exitCode, message: "profile \(name): \(cli.message)")
                }
                throw error
            }
        }
        return Fleet(runtimes: runtimes, hub: hub)
    }

    func runtime(named name: String) -> ProfileRuntime? { runtimes.first { $0.name == name } }

    /// The profile on screen.
    var active: ProfileRuntime {
        runtime(named: hub.activeName) ?? runtimes[0]  // the hub names only these profiles; a fleet has at least one
    }

    /// SIGHUP: every profile reads its key again and resumes a stopped poller.
    func reloadKeys() async {
        for runtime in runtimes { await runtime.reloadKey() }
    }

    func stop() async {
        for runtime in runtimes { await runtime.stop() }
    }
}
