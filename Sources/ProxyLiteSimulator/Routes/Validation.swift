import Foundation
import ProxyLiteAPI

/// The provider's input rules, shared by the routes.
enum Validation {
    static func isAlphanumeric(_ text: String) -> Bool { InputRules.isAlphanumeric(text) }

    /// The reference's rule, shared with the client (CJK counts 2, every other code point 1).
    static func remarkUnits(_ remark: String) -> Int { InputRules.remarkUnits(remark) }

    static let maxRemarkUnits = InputRules.maxRemarkUnits
    static let maxLimitGB = InputRules.maxLimitGB

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// Splits `a,b` (and, where allowed, newlines) into trimmed, non-empty items.
    static func list(_ text: String, newlines: Bool = false) -> [String] {
        text.split(whereSeparator: { $0 == "," || (newlines && ($0 == "\n" || $0 == "\r")) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
