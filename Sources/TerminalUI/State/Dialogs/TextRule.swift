import Foundation

/// What a text field accepts. Characters a rule can never accept are refused as they are typed,
/// with the reason; whole-value checks (length, address syntax) run before submitting.
public enum TextRule: Sendable, Hashable {
    case any
    /// Letters and digits only (usernames, passwords).
    case alphanumeric
    case digits
    /// Proxy passwords: 6–16 letters and digits.
    case password
    /// Remarks: at most 32 CJK or 64 Latin characters.
    case remark
    /// IPv4/IPv6 addresses separated by commas, spaces or newlines.
    case ipList
    /// `user:pass` pairs separated by commas.
    case accountPairs

    /// Why `character` can never be part of a valid value, or nil if it may be.
    public func refusal(_ character: Character) -> String? {
        switch self {
        case .any, .remark: return character.isNewline ? "one line only" : nil
        case .alphanumeric, .password: return Self.isAlphanumeric(character) ? nil : "letters and digits only"
        case .digits: return character.isASCII && character.isNumber ? nil : "digits only"
        case .ipList:
            return character.isHexDigit || ":.,; \n".contains(character)
                ? nil : "IP addresses only (IPv4 or IPv6, comma or newline separated)"
        case .accountPairs:
            return Self.isAlphanumeric(character) || ":, ".contains(character) ? nil : "user:pass pairs of letters and digits"
        }
    }

    /// Why `text` as a whole is not acceptable, or nil.
    public func problem(_ text: String) -> String? {
        switch self {
        case .any, .alphanumeric, .digits: return nil
        case .password:
            return (6...16).contains(text.count) ? nil : "passwords are 6 to 16 letters and digits (\(text.count) given)"
        case .remark:
            let units = Self.remarkUnits(text)
            return units <= Self.remarkLimit ? nil : "remark too long: \(units) of \(Self.remarkLimit) (a CJK character counts 2)"
        case .ipList:
            let items = Self.split(text)
            if items.isEmpty { return "enter at least one IP address" }
            if let bad = items.first(where: { !IPAddress.isValid($0) }) { return "not an IPv4 or IPv6 address: \(bad)" }
            return nil
        case .accountPairs:
            return (try? AccountPairs.parse(text)).map { _ in nil } ?? AccountPairs.problem(text)
        }
    }

    static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// The provider's remark limit: 64 units, a CJK (wide) character counting 2.
    public static let remarkLimit = 64
    /// Counted by display width, which is what "a CJK character counts double" means: `代理` is 4, `proxy` 5.
    public static func remarkUnits(_ text: String) -> Int { DisplayWidth.columns(text) }

    /// Items of a list typed with commas, semicolons, spaces or newlines between them.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",; \n\t".contains($0) }).map(String.init)
    }
}

/// IP address syntax, checked with the C library's parser rather than a regular expression.
public enum IPAddress {
    public static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

/// `user:pass,user:pass` as typed in the add form's batch field.
public enum AccountPairs {
    public struct Problem: Error, Sendable { public let text: String }

    public static func parse(_ text: String) throws(Problem) -> [(username: String, password: String)] {
        var pairs: [(String, String)] = []
        for item in TextRule.split(text) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw Problem(text: "“\(item)” is not user:pass") }
            guard parts[0].allSatisfy(TextRule.isAlphanumeric) else {
                throw Problem(text: "username “\(parts[0])”: letters and digits only")
            }
            if let bad = TextRule.password.problem(parts[1]) { throw Problem(text: "\(parts[0]): \(bad)") }
            pairs.append((parts[0], parts[1]))
        }
        if pairs.isEmpty { throw Problem(text: "enter at least one user:pass") }
        let names = pairs.map(\.0)
        if let dup = names.first(where: { name in names.filter { $0 == name }.count > 1 }) { throw Problem(text: "\(dup) is given twice") }
        return pairs
    }

    static func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch { return error.text }
    }
}
