import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange over real loopback, its body read whole: for tests of the servers the
/// project runs (the simulator, the exporter, Prometheus, `serve`).
public struct Fetched: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]
    public var text: String { String(decoding: body, as: UTF8.self) }
}

public func fetch(
    _ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: [UInt8]? = nil, timeout: TimeAmount = .seconds(10)
) async throws -> Fetched {
    var request = HTTPClientRequest(url: url)
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let response = try await HTTPClient.shared.execute(request, timeout: timeout)
    let collected = try await response.body.collect(upTo: 256 << 20)
    return Fetched(status: Int(response.status.code), headers: response.headers, body: Array(collected.readableBytesView))
}
