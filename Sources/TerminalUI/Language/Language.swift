import Foundation

/// The language the interface speaks. The log, JSON and CSV stay English whatever it is, so that
/// scripts read the same on every host.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case en
    case zhCN = "zh-CN"

    /// The language views and key handlers write in. The dashboard sets it from `UIState.language`
    /// around each frame and each event, and `snapshot` around its text, so that the panes' static
    /// tables (columns, key bindings) resolve their labels when drawn rather than when built.
    @TaskLocal public static var current: Language = .en

    /// `en`, `zh-CN`; also `zh_CN`, `zh-cn`, `zh` (what people type); nil for anything else.
    public static func parse(_ text: String) -> Language? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-") {
        case "en", "en-us", "en-gb", "english": return .en
        case "zh-cn", "zh", "zh-hans", "zh-sg": return .zhCN
        default: return nil
        }
    }

    /// The spellings `--lang` and `lang =` are documented with.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The locale's language, as POSIX picks the messages category: the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set and not empty. `zh_CN`, `zh_SG` and plain `zh` (with any
    /// encoding or modifier) are Simplified Chinese; everything else, `zh_TW` included, is English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        // `zh_CN.UTF-8@modifier`: the language and territory come before the encoding and modifier.
        let name = locale.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
        switch name.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "zh", "zh_cn", "zh_sg": return .zhCN
        default: return .en
        }
    }

    /// The language asked for on the command line, else in the config, else the locale's.
    public static func choose(option: Language?, config: Language?, environment: [String: String]) -> Language {
        option ?? config ?? fromEnvironment(environment)
    }
}
