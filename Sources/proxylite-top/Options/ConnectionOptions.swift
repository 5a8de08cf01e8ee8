import ArgumentParser
import Foundation
import ProxyLiteAPI
import TerminalUI

/// Where the API is and how to authenticate: shared by the dashboard and `snapshot`.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use the built-in simulator of the ProxyLite API instead of the real one; no key needed.")
    var demo = false

    @Option(
        help: ArgumentHelp(
            "The API's base URL.", discussion: "Sibling brands of the platform serve the same API elsewhere.",
            valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Path before every endpoint (default /end-point).", valueName: "path"))
    var pathPrefix: String?

    @Option(
        name: .customLong("app-key-file"),
        help: ArgumentHelp(
            "Read the app_key from this file (mode 600).",
            discussion: "Otherwise it comes from the environment variable PROXYLITE_APP_KEY.", valueName: "path"))
    var appKeyFile: String?

    @Option(
        help: ArgumentHelp(
            "The provider's time zone for dates without one, as an offset such as +08:00 (the default).",
            valueName: "offset"))
    var providerTimezone: String?

    @Option(
        help: ArgumentHelp(
            "The interface's language: en or zh-CN.",
            discussion:
                "Otherwise lang in the config; the dashboard then follows the locale (LC_ALL, LC_MESSAGES, LANG: zh_CN, zh_SG, zh are zh-CN), snapshot's text stays English. JSON, CSV and the log are always English.",
            valueName: "lang"))
    var lang: Language?

    @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    var timeout: Double = 20

    @Flag(
        help: ArgumentHelp(
            "Allow a plain http:// base URL that is not loopback.",
            discussion: "The app_key, which has admin rights, would cross the network unencrypted."))
    var allowInsecureHTTP = false

    func validate() throws {
        if let profile, !ProfileName.isValid(profile) { throw ValidationError(ProfileName.rule(profile)) }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url must be a URL such as https://api.proxylite.com, not '\(baseURL)'.")
        }
        if let providerTimezone, TimeZoneOffset.parse(providerTimezone) == nil {
            throw ValidationError("--provider-timezone takes an offset such as +08:00 or -05:30, not '\(providerTimezone)'.")
        }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds.") }
    }

    @Option(help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/proxylite-top/config.toml).", valueName: "path"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The profile to use, from the config's [profiles.<name>].",
            discussion: "Without it the dashboard and serve watch every profile.", valueName: "name"),
        completion: .custom(DynamicCompletion.profiles))
    var profile: String?

    /// The API these options describe, over the profile's settings, over the real API's defaults.
    func platformProfile(_ file: Config = Config()) -> PlatformProfile {
        var profile = PlatformProfile.proxyLite
        if let url = file.baseURL { profile.baseURL = url }
        if let prefix = file.pathPrefix { profile.pathPrefix = prefix }
        if let offset = file.providerOffset { profile.providerOffset = offset }
        if let baseURL, let url = URL(string: baseURL) { profile.baseURL = url }
        if let pathPrefix { profile.pathPrefix = pathPrefix }
        if let providerTimezone, let offset = TimeZoneOffset.parse(providerTimezone) { profile.providerOffset = offset }
        return profile
    }

    /// Refuses a plain-http base URL off this machine unless allowed: every request carries the
    /// key, so it would be readable by anyone on the path.
    /// - Throws: `CLIError.usage` (exit 2).
    func checkTransport(_ profile: PlatformProfile, config: Config) throws {
        let url = profile.baseURL
        guard url.scheme?.lowercased() == "http", !allowInsecureHTTP, !config.allowInsecureHTTP else { return }
        guard !InsecureHTTP.isLoopback(url.host ?? "") else { return }
        throw CLIError.usage(
            "refusing \(url.absoluteString): plain http would send the app_key unencrypted over the network. "
                + "Use https, or pass --allow-insecure-http (allow_insecure_http = true) if this network is yours.")
    }

    /// The key of the profile `settings`: `--app-key-file`, else the profile's file or variable,
    /// else PROXYLITE_APP_KEY.
    func loadKey(
        _ settings: Config, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CLIError)
        -> AppKey?
    {
        let file = appKeyFile ?? settings.appKeyFile
        return try KeyLoader.load(
            file: file, variable: file == nil ? settings.appKeyEnv : nil, profile: settings.name, environment: environment)
    }

    /// The config file these options name (or the default one), checked.
    func loadConfig() throws -> Config {
        do {
            return try ConfigFile.load(explicit: config)
        } catch {
            throw CLIError.usage("config error: \(error)")
        }
    }
}

/// Parses `+08:00`, `+0800`, `+8`, `UTC+8`, `-05:30` into seconds east of UTC.
enum TimeZoneOffset {
    static func parse(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for prefix in ["UTC", "GMT"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        if t.isEmpty || t == "Z" { return 0 }
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let body = t.dropFirst().replacingOccurrences(of: ":", with: "")
        guard !body.isEmpty, body.allSatisfy(\.isNumber), body.count <= 4 else { return nil }
        let hours: Int
        let minutes: Int
        if body.count <= 2 {
            hours = Int(body)!  // digits only, checked above
            minutes = 0
        } else {
            hours = Int(body.dropLast(2))!  // digits only, checked above
            minutes = Int(body.suffix(2))!
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

/// Which hosts plain http may reach without the user's say-so.
enum InsecureHTTP {
    static func isLoopback(_ rawHost: String) -> Bool {
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }
}
