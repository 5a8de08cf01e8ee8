import Foundation

/// The provider's input rules, shared by the routes.
enum Validation {
    static func isAlphanumeric(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    /// "32 Chinese or 64 Latin characters": a CJK (any non-ASCII) character counts two.
    static func remarkUnits(_ remark: String) -> Int {
        remark.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
    }

    static let maxRemarkUnits = 64
    static let maxLimitGB = 102_400

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
