import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Turns the errors of AsyncHTTPClient and NIO into `ProxyLiteError`s a person can act on.
enum TransportErrorMapping {
    static func map(_ error: any Error, endpoint: Endpoint, redact: (String) -> String) -> ProxyLiteError {
        let path = endpoint.path
        if error is CancellationError {
            return ProxyLiteError(.cancelled, endpoint: path, message: "the request was cancelled")
        }
        if let http = error as? HTTPClientError {
            switch http {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return timeout(path)
            case .cancelled:
                return ProxyLiteError(.cancelled, endpoint: path, message: "the request was cancelled")
            case .remoteConnectionClosed:
                return ProxyLiteError(
                    .transport, endpoint: path, message: "the server closed the connection before answering")
            default:
                break
            }
        }
        if let connect = error as? NIOConnectionError {
            let refused = connect.connectionErrors.contains { attempt in
                (attempt.error as? IOError)?.errnoCode == ECONNREFUSED
            }
            if refused { return connectionRefused(path) }
            if connect.connectionErrors.isEmpty, connect.dnsAError != nil || connect.dnsAAAAError != nil {
                return dns(path, host: connect.host)
            }
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return connectionRefused(path) }
        if case ChannelError.connectTimeout = error { return timeout(path) }
        if error is SocketAddressError { return dns(path, host: nil) }

        let typeName = String(reflecting: type(of: error))
        let text = redact(String(describing: error))
        if typeName.contains("SSL") || typeName.contains("TLS") || text.contains("certificate") {
            return ProxyLiteError(
                .tlsFailure, endpoint: path,
                message: "the TLS handshake failed (\(text.prefix(100))); check the base URL and the system's CA certificates")
        }
        if text.localizedCaseInsensitiveContains("connection refused") { return connectionRefused(path) }
        if text.contains("dns") || text.contains("DNS") || text.contains("resolve") { return dns(path, host: nil) }
        return ProxyLiteError(.transport, endpoint: path, message: "the connection failed: \(text.prefix(120))")
    }

    private static func timeout(_ path: String) -> ProxyLiteError {
        ProxyLiteError(.timeout, endpoint: path, message: "no answer in time; the provider or the network is slow")
    }

    private static func connectionRefused(_ path: String) -> ProxyLiteError {
        ProxyLiteError(
            .connectionRefused, endpoint: path,
            message: "the connection was refused; check the base URL and that the server is up")
    }

    private static func dns(_ path: String, host: String?) -> ProxyLiteError {
        ProxyLiteError(
            .dnsFailure, endpoint: path,
            message: "the host name\(host.map { " \($0)" } ?? "") could not be resolved; check the base URL and DNS")
    }
}
