import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One GET over real HTTP, for tests of the servers the project runs (the exporter, Prometheus).
public func httpGet(_ url: String, headers: [(String, String)] = [], timeout: Duration = .seconds(10)) async throws -> (
    status: Int, body: String
) {
    var request = HTTPClientRequest(url: url)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
    let body = try await response.body.collect(upTo: 64 << 20)
    return (Int(response.status.code), String(buffer: body))
}
