import Foundation
import Logging
import ProxyLiteAPI
import ProxyLiteSimulator

/// A client ready to use, and the in-process simulator behind it in demo mode.
struct Connection {
    let client: ProxyLiteClient
    let simulator: Simulator?

    var isDemo: Bool { simulator != nil }

    /// Where data comes from, for headers and output; never with the key.
    var sourceDescription: String {
        simulator == nil
            ? client.configuration.profile.baseURL.absoluteString
            : "demo simulator (\(client.configuration.profile.baseURL.absoluteString))"
    }

    /// Connects as `options` and the profile's `settings` say: to the built-in simulator with
    /// `--demo`, else to the API with the key from `--app-key-file`, the profile's key file or
    /// variable, or PROXYLITE_APP_KEY. `limiter` is the rate cap shared by the profiles on one host.
    /// - Throws: `CLIError` (exit 2) when no key is to be had.
    static func open(
        _ options: ConnectionOptions, settings config: Config = Config(), limiter: RateLimiter? = nil, logger: Logger? = nil
    ) async throws -> Connection {
        if options.demo {
            let simulator = try await Simulator.start(DemoWorld.configuration)
            let client = ProxyLiteClient(
                configuration: .init(
                    profile: simulator.profile, appKey: simulator.appKey, requestTimeout: .seconds(options.timeout),
                    requestsPerSecond: 20, burst: 20),
                logger: logger)
            return Connection(client: client, simulator: simulator)
        }
        let profile = options.platformProfile(config)
        try options.checkTransport(profile, config: config)
        guard let key = try options.loadKey(config) else {
            throw CLIError.usage(
                config.profiles.isEmpty && config.name == Config.defaultProfile
                    ? GettingStarted.text
                    : "profile \(config.name) has no app_key: set app_key_file or app_key_env in [profiles.\(config.name)]")
        }
        let client = ProxyLiteClient(
            configuration: .init(profile: profile, appKey: key, requestTimeout: .seconds(options.timeout), sharedLimiter: limiter),
            logger: logger)
        return Connection(client: client, simulator: nil)
    }

    func close() async {
        await simulator?.stop()
    }
}

/// The world `--demo` shows: big enough to scroll and sort, with changes applied quickly enough
/// to watch (20 s instead of the provider's 5 minutes).
enum DemoWorld {
    static var configuration: SimulatorConfiguration {
        SimulatorConfiguration(
            seed: 2026, accounts: 60, staticIPs: 80, orders: 50, packages: 12, applyDelay: .seconds(20),
            orderTimeout: .seconds(900))
    }
}

enum GettingStarted {
    static let text = """
        no app_key. To get started:
          • try it with simulated data:   proxylite-top --demo
          • or use your account: copy the app_key from the account centre's home page, then
              export PROXYLITE_APP_KEY=…            (or)
              proxylite-top --app-key-file ~/.config/proxylite-top/app_key   (chmod 600)
        """
}
