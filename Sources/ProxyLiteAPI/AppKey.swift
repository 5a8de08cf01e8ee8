import Foundation

/// The account's app_key: full admin rights over the account, so it is handled like a password.
///
/// Its `description` never shows the value, and `redact(_:)` scrubs it from any text (an error
/// from a lower layer, a URL) before that text can reach a screen, a log or a test's output.
public struct AppKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself; read it only to put it on the wire.
    public let secret: String

    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.secret = trimmed
    }

    public var description: String { "AppKey(••••••, \(secret.count) characters)" }
    public var debugDescription: String { description }

    /// `text` with every occurrence of the key (raw or percent-encoded) replaced by `••••••`.
    public func redact(_ text: String) -> String {
        var result = text
        for form in Set([secret, secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret]) {
            result = result.replacingOccurrences(of: form, with: "••••••")
        }
        return result
    }
}
