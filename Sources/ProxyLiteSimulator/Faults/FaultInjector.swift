import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import ProxyLiteAPI
import ServiceLifecycle

/// Decides, request by request, whether to answer with a fault instead, following a `FaultPlan`.
/// Draws come from a seeded generator, so a run with the same seed fails the same requests.
final class FaultInjector: Sendable {
    private let plan: FaultPlan
    private let startedAt: Date
    private let random: NIOLockedValueBox<SeededRandom>
    /// Draws for trickling, apart from the others so that a trickle rate changes no other fault.
    private let trickleDraws: NIOLockedValueBox<(random: SeededRandom, trickled: Int)>

    init(plan: FaultPlan, seed: UInt64, startedAt: Date) {
        self.plan = plan
        self.startedAt = startedAt
        self.random = NIOLockedValueBox(SeededRandom(seed: seed ^ 0xFA17))
        self.trickleDraws = NIOLockedValueBox((SeededRandom(seed: seed ^ 0x7121), 0))
    }

    /// Whether this successful answer trickles (`FaultPlan.trickle`, for a `trickleRate` share).
    func trickles() -> Bool {
        guard plan.trickle > .zero, plan.trickleRate > 0 else { return false }
        return trickleDraws.withLockedValue { state in
            let yes = plan.trickleRate >= 1 || state.random.double(0...1) < plan.trickleRate
            if yes { state.trickled += 1 }
            return yes
        }
    }

    /// Successful answers trickled so far.
    var trickled: Int { trickleDraws.withLockedValue { $0.trickled } }

    /// The response to send instead of the real one, or nil to answer normally.
    func fault(now: Date, target: String) async -> Response? {
        if plan.isEmpty { return nil }
        if plan.latency > .zero { await Self.pause(plan.latency) }
        if plan.codelessUnauthorized {
            // What a gateway (or a framework's auth middleware) in front of the API answers.
            return Response(
                status: .unauthorized, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"message":"Unauthenticated."}"#)))
        }
        if let origin = plan.redirectTo {
            return Response(status: .temporaryRedirect, headers: [.location: origin + target])
        }
        if let outage = plan.outage, outage.covers(now.timeIntervalSince(startedAt)) {
            return html(.serviceUnavailable, "<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>")
        }
        let draw = random.withLockedValue { generator in (0..<4).map { _ in generator.double(0...1) } }
        if draw[0] < plan.hangRate {
            // Never answer; the client's timeout (or the server's shutdown) ends it.
            await Self.pause(.seconds(3_600))
            return html(.gatewayTimeout, "<html><body>504 Gateway Time-out</body></html>")
        }
        if draw[3] < plan.cutOffRate {
            // Promise a whole body, send half, then drop the connection.
            let text = #"{"code":200,"msg":"请求成功","data":{"list":[{"id":1,"username":"cut"#
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: text.utf8.count * 4) { writer in
                    try await writer.write(ByteBuffer(string: text))
                    throw CutOff()
                })
        }
        if draw[1] < plan.errorRate {
            return html(.internalServerError, "<html><head><title>500</title></head><body><h1>500 Internal Server Error</h1></body></html>")
        }
        if draw[2] < plan.malformedRate {
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "{\"code\":200,\"msg\":\"请求成功\",\"data\":{\"list\":[{\"id\":1,")))
        }
        return nil
    }

    /// Sleeps, but ends at once when the server shuts down gracefully, so that a stop never waits
    /// for a deliberately hung answer.
    static func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }

    private struct CutOff: Error {}

    private func html(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
