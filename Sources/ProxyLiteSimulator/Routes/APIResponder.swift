import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import ProxyLiteAPI

/// Answers every request: faults first, then the path, authentication, the handler, the envelope.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let configuration: SimulatorConfiguration
    let world: NIOLockedValueBox<World>
    let faults: FaultInjector
    let requestCount: NIOLockedValueBox<[String: Int]>

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let path = String(request.uri.path)
        let prefix = "/" + configuration.pathPrefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let relative: String
        if prefix == "/" {
            relative = String(path.dropFirst())
        } else if path.hasPrefix(prefix + "/") {
            relative = String(path.dropFirst(prefix.count + 1))
        } else {
            return notFound()
        }
        requestCount.withLockedValue { $0[relative, default: 0] += 1 }

        let target = path + (request.uri.query.map { "?" + $0 } ?? "")
        if let fault = await faults.fault(now: configuration.clock.now, target: target) {
            return fault
        }
        guard let route = Route.all[relative] else { return notFound() }
        guard request.method.rawValue == route.endpoint.method.rawValue else {
            return Response(status: .methodNotAllowed, headers: [.allow: route.endpoint.method.rawValue])
        }

        var body: [String: JSONValue] = [:]
        if request.method == .post {
            let buffer = try await request.collectBody(upTo: 4 << 20)
            let bytes = Data(buffer.readableBytesView)
            if !bytes.isEmpty {
                guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: bytes), case .object(let members) = parsed
                else {
                    return envelope(
                        style: route.style, error: .badParameters(["body": ["请求体必须是 JSON 对象"]]))
                }
                for (k, v) in members { body[k] = v }
            }
        }
        let query = Self.query(request.uri.query)
        guard authenticate(query: query, body: body, post: request.method == .post) else {
            return envelope(style: route.style, error: .invalidKey)
        }
        let simRequest = SimRequest(method: request.method.rawValue, path: relative, query: query, body: body)
        if configuration.accountNotVerified, route.style == .legacy {
            return envelope(
                style: route.style, error: SimulatorError(code: 156, message: "账户未实名认证", fieldErrors: [:], httpStatus: 200))
        }
        let now = configuration.clock.now
        let routeContext = RouteContext(configuration: configuration, now: now)
        let result: Result<Route.Answer, SimulatorError> = world.withLockedValue { world in
            world.settle(at: now)
            do throws(SimulatorError) {
                return .success(try route.handler(&world, simRequest, routeContext))
            } catch {
                return .failure(error)
            }
        }
        if route.endpoint.method == .post, configuration.faults.slowWrites > .zero {
            // Applied already; only the answer is late.
            await FaultInjector.pause(configuration.faults.slowWrites)
        }
        switch result {
        case .success(.text(let text)):
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        case .success(.json(let data)):
            return envelope(style: route.style, data: data)
        case .success(.none):
            let empty: JSONValue =
                configuration.quirks ? .array([]) : (route.style == .modern ? .object([]) : .null)
            return envelope(style: route.style, data: empty)
        case .failure(let error):
            return envelope(style: route.style, error: error)
        }
    }

    /// `app_key` is the reference's only scheme, for every endpoint (an Authorization header,
    /// which its code samples show as a template, opens nothing).
    private func authenticate(query: [String: String], body: [String: JSONValue], post: Bool) -> Bool {
        let inQuery = query["app_key"] == configuration.appKey
        let inBody = post && body["app_key"] == .string(configuration.appKey)
        switch configuration.keyPlacement {
        case .reference: return inQuery || inBody
        case .queryOnly: return inQuery
        case .bodyOnly: return post ? inBody : inQuery
        }
    }

    private func envelope(style: Route.Style, data: JSONValue) -> Response {
        let faults = configuration.faults
        let legacy = (style == .legacy) != faults.swappedSuccessCodes
        let members: [(String, JSONValue)] =
            legacy
            ? [("code", 200), ("msg", "请求成功"), ("data", data)]
            : [("code", 0), ("message", "操作成功"), ("data", data)]
        let status = faults.successStatus.map { HTTPResponse.Status(code: $0) } ?? .ok
        guard self.faults.trickles() else { return json(.object(members), status: status) }
        let bytes = JSONValue.object(members).serialized()
        let piece = faults.trickleChunk > 0 ? faults.trickleChunk : max(1, (bytes.count + 1) / 2)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(contentLength: bytes.count) { writer in
                var start = 0
                while start < bytes.count {
                    if start > 0 { await FaultInjector.pause(faults.trickle) }
                    let end = min(bytes.count, start + piece)
                    try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                    start = end
                }
                try await writer.finish(nil)
            })
    }

    private func envelope(style: Route.Style, error: SimulatorError) -> Response {
        var members: [(String, JSONValue)] = [("code", .integer(Int64(error.code)))]
        if error.code == 400 {
            // The reference's ErrorResponse: {"code":400,"message":"参数错误","errors":{}}.
            members.append(("message", .string(error.message)))
            let fields = error.fieldErrors.keys.sorted().map { ($0, JSONValue.array(error.fieldErrors[$0]!.map(JSONValue.string))) }
            members.append(("errors", .object(fields)))
        } else {
            members.append((style == .legacy ? "msg" : "message", .string(error.message)))
            members.append(("data", .null))
        }
        return json(.object(members), status: HTTPResponse.Status(code: error.httpStatus))
    }

    private func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: 256)
        buffer.writeBytes(value.serialized())
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    private func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "text/html"],
            body: .init(byteBuffer: ByteBuffer(string: "<html><body><h1>404 Not Found</h1></body></html>")))
    }

    static func query(_ raw: String?) -> [String: String] {
        guard let raw, !raw.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in raw.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            result[key] = value.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? value
        }
        return result
    }
}
