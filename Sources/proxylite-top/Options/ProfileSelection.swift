import Foundation

/// Which of the config's profiles a command runs, by the rules of `--profile`: with several
/// profiles, the dashboard and `serve` watch them all, commands about one account need
/// `--profile`, and a setting on the command line must say which profile it is for.
extension ConnectionOptions {
    /// The profiles a watching command (the dashboard, `serve`) runs.
    /// - Throws: `CLIError.usage` (exit 2) for an unknown profile, or an override that would be
    ///   ambiguous among several profiles.
    func watchedProfiles(
        _ config: Config, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws
        -> [Config]
    {
        if demo { return [demoSettings(config)] }
        if let profile {
            guard let chosen = config.watched.first(where: { $0.name == profile }) else {
                throw CLIError.usage("unknown profile '\(profile)'; \(Self.listing(config))")
            }
            return [chosen]
        }
        let watched = config.watched
        guard watched.count > 1 else { return watched }
        let names = watched.map(\.name).joined(separator: ", ")
        for (option, isSet) in [
            ("--base-url", baseURL != nil), ("--path-prefix", pathPrefix != nil), ("--app-key-file", appKeyFile != nil),
            ("--provider-timezone", providerTimezone != nil),
        ] where isSet {
            throw CLIError.usage("\(option) is for one profile; say which with --profile NAME (the profiles are \(names))")
        }
        // One key in the variable cannot be several profiles' keys, whichever of them would read it.
        if environment[KeyLoader.environmentVariable] != nil {
            throw CLIError.usage(
                "\(KeyLoader.environmentVariable) holds one account's key and the config watches \(names); "
                    + "say which profile it is for with --profile NAME, or unset it and give each profile an app_key_file or app_key_env")
        }
        return watched
    }

    /// The one profile a command about a single account (`snapshot`, `history`) runs.
    /// - Throws: `CLIError.usage` (exit 2) when the config has several profiles and none was chosen.
    func singleProfile(
        _ config: Config, command: String, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> Config
    {
        if profile == nil, !demo, config.watched.count > 1 {
            throw CLIError.usage("`\(command)` reads one profile; choose it with --profile NAME (\(Self.listing(config)))")
        }
        // One profile is chosen or there is only one: no override can be ambiguous.
        guard let settings = try watchedProfiles(config, environment: environment).first else {
            throw CLIError.usage("the config names no profile")  // `watched` always holds at least the top level
        }
        return settings
    }

    /// `--demo` runs one simulated account, whatever profiles the config names.
    private func demoSettings(_ config: Config) -> Config {
        var settings = config
        settings.profiles = []
        settings.name = "demo"
        return settings
    }

    static func listing(_ config: Config) -> String {
        config.profiles.isEmpty
            ? "the config names no profiles, only the top level (default)"
            : "the profiles are \(config.profiles.map(\.name).joined(separator: ", "))"
    }
}
