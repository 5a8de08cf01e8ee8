import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Decides, request by request, whether to answer with a fault instead, following a `FaultPlan`.
/// Draws come from a seeded generator, so a run with the same seed fails the same requests.
final class FaultInjector: Sendable {
    private let plan: FaultPlan
    private let startedAt: Date
    private let random: NIOLockedValueBox<SeededRandom>

    init(plan: FaultPlan, seed: UInt64, startedAt: Date) {
        self.plan = plan
        self.startedAt = startedAt
        self.random = NIOLockedValueBox(SeededRandom(seed: seed ^ 0xFA17))
    }

    /// The response to send instead of the real one, or nil to answer normally.
    func fault(now: Date) async -> Response? {
        if plan.isEmpty { return nil }
        if plan.latency > .zero { try? await Task.sleep(for: plan.latency) }
        if let outage = plan.outage {
            let elapsed = now.timeIntervalSince(startedAt)
            let start = Double(outage.after.components.seconds)
            if elapsed >= start, elapsed < start + Double(outage.lasting.components.seconds) {
                return html(.serviceUnavailable, "<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>")
            }
        }
        let draw = random.withLockedValue { generator in (0..<3).map { _ in generator.double(0...1) } }
        if draw[0] < plan.hangRate {
            // Never answer; the client's timeout (or the server's shutdown) ends it.
            try? await Task.sleep(for: .seconds(3_600))
            return html(.gatewayTimeout, "<html><body>504 Gateway Time-out</body></html>")
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

    private func html(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
