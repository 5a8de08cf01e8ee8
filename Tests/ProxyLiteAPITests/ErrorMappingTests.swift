import Foundation
import Logging
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// Every failure becomes a `ProxyLiteError` with the right code, and none of them carries the key.
@Suite struct ErrorMappingTests {
    private func expectNoKey(_ error: ProxyLiteError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        let texts =
            [error.description, error.message, error.shortDescription, String(reflecting: error)]
            + error.fieldErrors.values.flatMap { $0 }
        for text in texts {
            #expect(!text.contains(testKey), "key leaked in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func wrongKeyIsCodeThree() async throws {
        try await withSimulator(testWorld(), client: { $0.appKey = AppKey("wrong0000key")! }) { _, client in
            for call in [{ _ = try await client.accounts() }, { _ = try await client.allOrders() }] {
                let error = await #expect(throws: ProxyLiteError.self) { try await call() }
                #expect(error?.code == .invalidAppKey)
                #expect(error?.isTransient == false)
            }
        }
    }

    @Test func unverifiedAccountIsCode156() async throws {
        var world = testWorld()
        world.accountNotVerified = true
        try await withSimulator(world) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .notVerified)
            #expect(error?.message.contains("verification") == true)
        }
    }

    @Test func htmlErrorPageBecomesHTTPStatusWithExcerpt() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(errorRate: 1))) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .httpStatus(500))
            #expect(error?.message.contains("500 Internal Server Error") == true)
            #expect(error?.message.contains("<") == false)
            #expect(error?.isTransient == true)
            expectNoKey(error)
        }
    }

    @Test func truncatedJSONIsADecodingErrorNamingTheEndpoint() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(malformedRate: 1))) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .decoding)
            #expect(error?.endpoint == "whitelist-account/list")
            #expect(error?.description.contains("not valid JSON") == true)
        }
    }

    @Test func outageIsServiceUnavailable() async throws {
        let plan = FaultPlan(outage: .init(after: .zero, lasting: .seconds(60)))
        try await withSimulator(testWorld(faults: plan)) { simulator, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .httpStatus(503))
            simulator.configuration.clock.advance(by: .seconds(61))
            let accounts = try await client.accounts()
            #expect(accounts.count == 30)
        }
    }

    @Test func hangingRequestTimesOut() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(hangRate: 1)), client: { $0.requestTimeout = .milliseconds(300) }) {
            _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .timeout)
            expectNoKey(error)
        }
    }

    @Test func cancellationStopsARequest() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(hangRate: 1))) { _, client in
            let task = Task { try await client.accounts() }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            let error = await #expect(throws: ProxyLiteError.self) { try await task.value }
            #expect(error?.code == .cancelled)
        }
    }

    @Test func refusedConnection() async throws {
        let closed = ClosedPort()
        let profile = PlatformProfile(baseURL: closed.url)
        let client = ProxyLiteClient(configuration: .init(profile: profile, appKey: AppKey(testKey), requestTimeout: .seconds(2)))
        let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
        #expect(error?.code == .connectionRefused)
        #expect(error?.isTransient == true)
        expectNoKey(error)
        _ = closed
    }

    @Test func tlsToAPlainServer() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            var components = URLComponents(url: simulator.baseURL, resolvingAgainstBaseURL: false)!
            components.scheme = "https"
            let client = ProxyLiteClient(
                configuration: .init(
                    profile: PlatformProfile(baseURL: components.url!), appKey: AppKey(testKey),
                    requestTimeout: .seconds(20)))  // the refusal is quick; a loaded machine must not turn it into a timeout
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .tlsFailure)
            expectNoKey(error)
        }
    }

    @Test func badParametersCarryTheFieldsAndNoKey() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.changeLimit(account: "shop1", gigabytes: -1) }
            #expect(error?.code == .badParameters)
            #expect(error?.fieldErrors.keys.sorted() == ["limit"])
            expectNoKey(error)
        }
    }

    @Test func missingKeyIsReportedWithoutARequest() async throws {
        try await withSimulator(testWorld(), client: { $0.appKey = nil }) { simulator, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .invalidAppKey)
            #expect(simulator.requestCounts.isEmpty)
        }
    }

    @Test func logLinesNeverCarryTheKey() async throws {
        let sink = LogSink()
        var logger = Logger(label: "test") { _ in sink }
        logger.logLevel = .trace
        try await withSimulator(testWorld(faults: FaultPlan(errorRate: 0.5))) { simulator, _ in
            let client = ProxyLiteClient(
                configuration: .init(profile: simulator.profile, appKey: simulator.appKey, requestsPerSecond: 1000),
                logger: logger)
            for _ in 0..<6 {
                _ = try? await client.accounts()
                _ = try? await client.products()
            }
        }
        let lines = sink.lines
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { !$0.contains(testKey) })
    }

    @Test func appKeyDescriptionIsRedacted() {
        let key = AppKey(testKey)!
        #expect(!"\(key)".contains(testKey))
        #expect(!String(reflecting: key).contains(testKey))
        #expect(key.redact("url?app_key=\(testKey)&x=1") == "url?app_key=••••••&x=1")
        #expect(AppKey("   ") == nil)
    }
}
