import Foundation
import ProxyLiteAPI

/// One finished poll: which resource, how long it took on the monotonic clock, and whether it
/// failed and how. What the exporter's duration histogram and error counter are made of.
public struct PollReport: Sendable {
    public let resource: Resource
    public let seconds: Double
    /// When it finished, on the wall clock (the last-success timestamp).
    public let at: Date
    /// The failure's kind (`ProxyLiteError.Code.metricKind`), nil when the poll succeeded.
    public let errorKind: String?

    public init(resource: Resource, seconds: Double, at: Date, errorKind: String?) {
        self.resource = resource
        self.seconds = seconds
        self.at = at
        self.errorKind = errorKind
    }

    init(resource: Resource, seconds: Double, at: Date, outcome: Store.Outcome) {
        var kind: String?
        if case .failed(_, let error) = outcome { kind = error.code.metricKind }
        self.init(resource: resource, seconds: seconds, at: at, errorKind: kind)
    }
}

extension ProxyLiteError.Code {
    /// A short, fixed label for a kind of failure: a metric label must come from a small set,
    /// so API codes are grouped, never spelled out.
    public var metricKind: String {
        switch self {
        case .invalidAppKey: "key_rejected"
        case .notVerified: "not_verified"
        case .badParameters: "bad_parameters"
        case .rateLimited: "rate_limited"
        case .api: "api_error"
        case .httpStatus: "http_status"
        case .redirect: "redirect"
        case .timeout: "timeout"
        case .connectionRefused: "connection_refused"
        case .dnsFailure: "dns"
        case .tlsFailure: "tls"
        case .transport: "transport"
        case .decoding: "decoding"
        case .cancelled: "cancelled"
        }
    }
}
