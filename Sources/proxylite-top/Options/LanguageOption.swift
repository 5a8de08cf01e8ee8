import ArgumentParser
import Foundation
import TerminalUI

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    init?(parsing text: String) {
        guard let language = Language.parse(text) else { return nil }
        self = language
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ConnectionOptions {
    /// The dashboard's language: `--lang`, else the config's `lang`, else the locale's.
    func dashboardLanguage(_ config: Config, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        Language.choose(option: lang, config: config.language, environment: environment)
    }

    /// `snapshot`'s text language: `--lang`, else the config's `lang`, else English. Not the
    /// locale's: a script reading the text on a Chinese host must see what it saw elsewhere.
    func textLanguage(_ config: Config) -> Language { lang ?? config.language ?? .en }
}
