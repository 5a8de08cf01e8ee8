import Foundation

/// What a piece of the screen means; a theme decides how each meaning looks. The raw values are
/// the keys of theme files.
public enum ColorRole: String, Sendable, Hashable, CaseIterable {
    case normal = "text.normal"
    case dim = "text.dim"
    case title = "text.title"
    case accent = "text.accent"
    case header = "header"
    case tabActive = "tab.active"
    case tabInactive = "tab.inactive"
    case tableHeader = "table.header"
    case selected = "table.selected"
    case marked = "table.marked"
    case gaugeLow = "gauge.low"
    case gaugeMid = "gauge.mid"
    case gaugeHigh = "gauge.high"
    case gaugeEmpty = "gauge.empty"
    case chartBar = "chart.line"
    case chartAxis = "chart.axis"
    case statusLive = "status.live"
    case statusStale = "status.stale"
    case statusOffline = "status.offline"
    case warning = "text.warning"
    case error = "text.error"
    case good = "text.good"
    case pending = "text.pending"
    case flash = "flash"
    case footerKey = "footer.key"
    case footer = "footer.text"
    case border = "border"
    case dialog = "dialog"
    case input = "input"
    /// A profile's colour from the config: its name in the header, the overview and the picker.
    /// One per ANSI colour name, so that a theme can restyle each.
    case profileBlack = "profile.black"
    case profileRed = "profile.red"
    case profileGreen = "profile.green"
    case profileYellow = "profile.yellow"
    case profileBlue = "profile.blue"
    case profileMagenta = "profile.magenta"
    case profileCyan = "profile.cyan"
    case profileWhite = "profile.white"
    case profileBrightBlack = "profile.bright-black"
    case profileBrightRed = "profile.bright-red"
    case profileBrightGreen = "profile.bright-green"
    case profileBrightYellow = "profile.bright-yellow"
    case profileBrightBlue = "profile.bright-blue"
    case profileBrightMagenta = "profile.bright-magenta"
    case profileBrightCyan = "profile.bright-cyan"
    case profileBrightWhite = "profile.bright-white"
}

extension ColorRole {
    /// The profile roles by the colour name each stands for (`magenta`, `bright-red`).
    static let profilePalette: [String: ColorRole] = Dictionary(
        uniqueKeysWithValues: allCases.compactMap { role in
            role.rawValue.hasPrefix("profile.") ? (String(role.rawValue.dropFirst("profile.".count)), role) : nil
        })

    /// The role for a profile's colour as the config names it; nil for none, or for a name that is
    /// not one of the sixteen ANSI colours (the config may hold anything: the caller falls back to
    /// its own role). `Bright_Red` and `bright red` are `bright-red`.
    public static func profile(named name: String?) -> ColorRole? {
        guard let name else { return nil }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
            .replacingOccurrences(of: " ", with: "-")
        return profilePalette[key]
    }

    public var isProfileColour: Bool { rawValue.hasPrefix("profile.") }
}
