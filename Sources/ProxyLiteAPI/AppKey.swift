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

    /// `text` with every occurrence of the key replaced by `••••••`, in each form it takes on the
    /// wire: raw, percent-encoded (strictly, as a query allows, in either case of hex digits),
    /// form-encoded and JSON-escaped.
    public func redact(_ text: String) -> String {
        var result = text
        for form in wireForms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: "••••••")
        }
        if result.range(of: "%", options: .literal) != nil {
            for form in wireForms {
                result = result.replacingOccurrences(of: form, with: "••••••", options: .caseInsensitive)
            }
        }
        return result
    }

    /// The key as it may appear in a URL, a form or a JSON text, longest first.
    private var wireForms: [String] {
        var forms: Set<String> = [secret]
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        for allowed in [CharacterSet.alphanumerics, unreserved, .urlQueryAllowed] {
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: allowed) {
                forms.insert(encoded)
                forms.insert(encoded.replacingOccurrences(of: "%20", with: "+"))
            }
        }
        forms.insert(secret.replacingOccurrences(of: "/", with: "\\/"))
        return forms.sorted { $0.count > $1.count }
    }
}
