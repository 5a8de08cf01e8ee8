import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `--metrics-listen` asks the metrics server to listen: `HOST:PORT`, with an IPv6
/// address in brackets (`[::1]:9464`).
public struct MetricsListen: Sendable, Hashable, CustomStringConvertible {
    /// A name or an address, without brackets.
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(MetricsListenError) {
        guard !text.contains(where: { $0.isWhitespace || $0 == "/" }) else { throw .badHost(text) }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .unclosedBracket(text) }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .missingPort(text) }
            portText = rest.dropFirst()
            guard Self.isIPv6(String(host)) else { throw .notIPv6(text) }
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw .missingPort(text) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { throw .unbracketedIPv6(text) }
        }
        guard !host.isEmpty else { throw .missingHost(text) }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (0...65_535).contains(port) else {
            throw .badPort(text)
        }
        self.host = String(host)
        self.port = port
    }

    /// Whether only this machine can connect: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) or
    /// `localhost`. Any other name counts as not loopback, whatever it resolves to today.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "localhost." { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        return Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
    }

    /// `HOST:PORT` again, with brackets around an IPv6 address.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}

public enum MetricsListenError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingPort(String)
    case missingHost(String)
    case badPort(String)
    case badHost(String)
    case unclosedBracket(String)
    case unbracketedIPv6(String)
    case notIPv6(String)

    public var description: String {
        switch self {
        case .missingPort(let text):
            "metrics listen address \"\(text)\" has no port: give HOST:PORT, e.g. 127.0.0.1:9464"
        case .missingHost(let text):
            "metrics listen address \"\(text)\" has no host: give 127.0.0.1:PORT for this machine only, or 0.0.0.0:PORT for every interface"
        case .badPort(let text):
            "metrics listen address \"\(text)\" has no valid port: it must be a number from 0 to 65535, e.g. 127.0.0.1:9464"
        case .badHost(let text):
            "metrics listen address \"\(text)\" has no valid host: give a name or an address, without a scheme or a path"
        case .unclosedBracket(let text):
            "metrics listen address \"\(text)\" opens a bracket it does not close: write an IPv6 address as [::1]:9464"
        case .unbracketedIPv6(let text):
            "metrics listen address \"\(text)\" looks like an IPv6 address without brackets: write it as [ADDRESS]:PORT, e.g. [::1]:9464"
        case .notIPv6(let text):
            "metrics listen address \"\(text)\" has brackets around something that is not an IPv6 address: brackets are for IPv6 only"
        }
    }
}
