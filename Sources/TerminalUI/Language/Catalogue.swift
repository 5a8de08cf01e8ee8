/// Each language's table of texts, compiled in, and the checks that keep them in step.
public enum Catalogue {
    /// Every language's table.
    public static func table(_ language: Language) -> [UIText: String] {
        switch language {
        case .en: return english
        case .zhCN: return chinese
        }
    }

    static let english: [UIText: String] = EnglishTexts.table
    static let chinese: [UIText: String] = ChineseTexts.table

    /// The text of `key` in `language`; English where the table lacks it (a test fails on that),
    /// and the key's own name where English lacks it too, so that nothing is ever blank.
    static func text(_ key: UIText, in language: Language) -> String {
        table(language)[key] ?? english[key] ?? key.rawValue
    }

    /// `template` with `{1}`, `{2}`… replaced by `values` (a placeholder without a value stays).
    static func format(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), values.indices.contains(n - 1) {
                out += values[n - 1]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The placeholders `template` uses: `{1}` and `{3}` give [1, 3].
    public static func placeholders(_ template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let n = Int(after[..<close]) { found.insert(n) }
            rest = after[after.index(after: close)...]
        }
        return found
    }

    /// What is wrong with a language's table measured against the reference (English): keys it
    /// lacks, empty texts, and texts whose placeholders differ from the reference's.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case missing(UIText)
        case empty(UIText)
        case placeholders(UIText, reference: Set<Int>, found: Set<Int>)

        public var description: String {
            switch self {
            case .missing(let key): return "\(key.rawValue): missing"
            case .empty(let key): return "\(key.rawValue): empty"
            case .placeholders(let key, let reference, let found):
                return "\(key.rawValue): placeholders \(found.sorted()) where the reference has \(reference.sorted())"
            }
        }
    }

    public static func problems(_ table: [UIText: String], reference: [UIText: String]) -> [Problem] {
        UIText.allCases.compactMap { key -> Problem? in
            guard let text = table[key] else { return .missing(key) }
            if text.isEmpty { return .empty(key) }
            let expected = reference[key].map(placeholders) ?? []
            let found = placeholders(text)
            return found == expected ? nil : .placeholders(key, reference: expected, found: found)
        }
    }
}
