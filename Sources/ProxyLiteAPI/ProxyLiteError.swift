import Foundation

/// Everything that can go wrong talking to the ProxyLite API, in terms a person can act on.
///
/// Shaped like NIO's `FileSystemError`: a `code` says what kind of failure it is, `message`
/// says what went wrong and what to do about it. Every text in it is built without the app_key
/// and scrubbed of it once more when built from a lower layer's error.
public struct ProxyLiteError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Code 3: the app_key was rejected.
        case invalidAppKey
        /// Code 156: the account has not passed real-name verification.
        case notVerified
        /// Code 400: the request's parameters were rejected; see `fieldErrors`.
        case badParameters
        /// HTTP 429 or the provider's own rate-limit answer.
        case rateLimited
        /// Any other non-success code in the envelope.
        case api(Int)
        /// A non-2xx HTTP status without a readable envelope.
        case httpStatus(Int)
        /// A 3xx answer: never followed, so the user fixes the base URL.
        case redirect(Int)
        case timeout
        case connectionRefused
        case dnsFailure
        case tlsFailure
        /// Any other transport failure (connection reset, closed early …).
        case transport
        /// The body was not the JSON the endpoint promises.
        case decoding
        case cancelled
    }

    public let code: Code
    /// The endpoint's path (never with its query, which may carry the key), e.g. `whitelist-account/list`.
    public let endpoint: String
    /// What went wrong and how to remedy it; already free of the key.
    public let message: String
    /// Field → reasons, for `badParameters`.
    public let fieldErrors: [String: [String]]
    /// The envelope's own code and message (`msg` or `message`, in Chinese) as the provider sent
    /// them, scrubbed of the key; nil when the failure did not come from an envelope. The
    /// interface shows the message as sent, whatever language it speaks.
    public let provider: ProviderAnswer?

    public struct ProviderAnswer: Sendable, Hashable {
        public let code: Int
        public let message: String

        public init(code: Int, message: String) {
            self.code = code
            self.message = message
        }
    }

    public init(
        _ code: Code, endpoint: String, message: String, fieldErrors: [String: [String]] = [:], provider: ProviderAnswer? = nil
    ) {
        self.code = code
        self.endpoint = endpoint
        self.message = message
        self.fieldErrors = fieldErrors
        self.provider = provider
    }

    /// Worth retrying later without the user changing anything.
    public var isTransient: Bool {
        switch code {
        case .timeout, .connectionRefused, .dnsFailure, .transport, .rateLimited: return true
        case .httpStatus(let status): return status >= 500 || status == 408
        case .decoding: return true  // a half-written body from a struggling server is the usual cause
        case .api(let c): return c >= 500
        case .invalidAppKey, .notVerified, .badParameters, .tlsFailure, .cancelled, .redirect: return false
        }
    }

    /// A few words for a status badge: "timeout", "HTTP 502", "key rejected".
    public var shortDescription: String {
        switch code {
        case .invalidAppKey: return "key rejected"
        case .notVerified: return "account not verified"
        case .badParameters: return "bad parameters"
        case .rateLimited: return "rate limited"
        case .api(let c): return "API code \(c)"
        case .httpStatus(let s): return "HTTP \(s)"
        case .redirect(let s): return "redirected (HTTP \(s))"
        case .timeout: return "timeout"
        case .connectionRefused: return "connection refused"
        case .dnsFailure: return "DNS failure"
        case .tlsFailure: return "TLS failure"
        case .transport: return "connection lost"
        case .decoding: return "bad response"
        case .cancelled: return "cancelled"
        }
    }

    public var description: String { "\(endpoint): \(detail)" }

    /// The provider's message with the fields it named, without the endpoint: what a user reads.
    public var detail: String {
        guard !fieldErrors.isEmpty else { return message }
        let fields = fieldErrors.keys.sorted().map { "\($0): \(fieldErrors[$0]!.joined(separator: "; "))" }
        return message + " (" + fields.joined(separator: ", ") + ")"
    }
}
