import Foundation
import ProxyLiteAPI

/// What a text field accepts. Characters a rule can never accept are refused as they are typed,
/// with the reason; whole-value checks (length, address syntax) run before submitting.
public enum TextRule: Sendable, Hashable {
    case any
    /// Letters and digits only, any length (usernames; passwords for whitelist-account/add and
    /// change-password, which state no length).
    case alphanumeric
    case digits
    /// A traffic limit in GB: digits, at most 102400.
    case gigabytes
    /// Passwords for proxy-account/change: 6–16 letters and digits.
    case password
    /// change-remark's remarks: at most 32 CJK or 64 Latin characters.
    case remark
    /// IPv4/IPv6 addresses separated by commas, spaces or newlines.
    case ipList
    /// `user:pass` pairs separated by commas.
    case accountPairs
    /// A day as YYYY-MM-DD (in the provider's time zone).
    case day
    /// A two-letter country code.
    case countryCode

    /// Why `character` can never be part of a valid value, or nil if it may be.
    public func refusal(_ character: Character) -> String? {
        switch self {
        case .any, .remark: return character.isNewline ? UIText.ruleOneLine() : nil
        case .alphanumeric, .password: return Self.isAlphanumeric(character) ? nil : UIText.ruleAlphanumeric()
        case .digits, .gigabytes: return character.isASCII && character.isNumber ? nil : UIText.ruleDigits()
        case .ipList:
            return character.isHexDigit || ":.,; \n".contains(character)
                ? nil : UIText.ruleIPChars()
        case .accountPairs:
            return Self.isAlphanumeric(character) || ":, ".contains(character) ? nil : UIText.rulePairs()
        case .day: return character.isASCII && (character.isNumber || character == "-") ? nil : UIText.ruleDay()
        case .countryCode: return character.isASCII && character.isLetter ? nil : UIText.ruleCountryLetters()
        }
    }

    /// Why `text` as a whole is not acceptable, or nil.
    public func problem(_ text: String) -> String? {
        switch self {
        case .any, .alphanumeric, .digits: return nil
        case .gigabytes:
            return (Int(text) ?? .max) <= InputRules.maxLimitGB ? nil : UIText.ruleMaxGB(InputRules.maxLimitGB)
        case .password:
            return InputRules.changedPasswordLength.contains(text.count)
                ? nil : UIText.rulePasswordLength(text.count)
        case .remark:
            let units = Self.remarkUnits(text)
            return units <= Self.remarkLimit ? nil : UIText.ruleRemarkTooLong(units, Self.remarkLimit)
        case .ipList:
            let items = Self.split(text)
            if items.isEmpty { return UIText.ruleNoIP() }
            if let bad = items.first(where: { !IPAddress.isValid($0) }) { return UIText.ruleBadIP(bad) }
            return nil
        case .accountPairs:
            return (try? AccountPairs.parse(text)).map { _ in nil } ?? AccountPairs.problem(text)
        case .day: return ProviderDay(text) == nil ? UIText.ruleNotADay(text) : nil
        case .countryCode: return text.count == 2 ? nil : UIText.ruleCountryTwo()
        }
    }

    static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// The provider's remark limit: 64 units, a CJK character counting 2.
    public static let remarkLimit = InputRules.maxRemarkUnits
    /// As the provider (and the simulator) count: a CJK code point 2, any other 1: `代理` is 4,
    /// `proxy` 5, an emoji 1 (not its display width).
    public static func remarkUnits(_ text: String) -> Int { InputRules.remarkUnits(text) }

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
