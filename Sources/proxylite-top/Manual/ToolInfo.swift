/// The part of argument-parser's `--experimental-dump-help` JSON (ToolInfo, serialization
/// version 0) that the manual page is written from.
///
/// A mirror rather than `ArgumentParserToolInfo`'s own types: that module is a target of the
/// argument-parser package, not a product, so a package that uses it cannot depend on it.
struct ToolInfo: Decodable, Sendable {
    var serializationVersion: Int
    var command: Command

    struct Command: Decodable, Sendable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var defaultSubcommand: String?
        var subcommands: [Command]?
        var arguments: [Argument]?

        var isShown: Bool { shouldDisplay ?? true }
    }

    struct Argument: Decodable, Sendable {
        enum Kind: String, Decodable, Sendable {
            case positional, option, flag
        }

        struct Name: Decodable, Sendable, Hashable {
            enum Kind: String, Decodable, Sendable {
                case long, short, longWithSingleDash
            }

            var kind: Kind
            var name: String

            var spelled: String {
                switch kind {
                case .long: "--\(name)"
                case .short, .longWithSingleDash: "-\(name)"
                }
            }
        }

        var kind: Kind
        var shouldDisplay: Bool
        var sectionTitle: String?
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?

        /// What makes two arguments of two commands the same argument.
        var identity: String {
            "\(kind.rawValue) \((names ?? []).map(\.spelled).joined(separator: ",")) \(valueName ?? "") \(abstract ?? "")"
        }
    }
}
