import Foundation
import Logging
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// A write is accepted, refused, or unknown; unknown is never "nothing changed".
@Suite struct OutcomeTests {
    func poll(_ client: ProxyLiteClient, into store: Store, at now: Date = Date()) async throws {
        await store.apply(.accounts(try await client.accounts()), at: now)
    }

    @Test func aWriteAnsweredAfterTheTimeoutIsUnknownAndUnconfirmed() async throws {
        var world = testWorld(applyDelay: .zero, faults: FaultPlan(slowWrites: .seconds(4)))
        world.applyDelay = .zero
        // Polls use a patient client, so that a busy machine cannot make the read time out too.
        try await withSimulator(world) { simulator, poller in
            let store = Store(source: "t", readOnly: false) { _ in }
            try await poll(poller, into: store)
            let target = try #require(await store.current.accounts.value?.first { $0.account.isEnabled }?.account.username)
            var hasty = poller.configuration
            hasty.requestTimeout = .seconds(1)
            let writer = ProxyLiteClient(configuration: hasty)
            let outcome = await CommandRunner(client: writer, store: store, readOnly: false).run(.disable([target]), id: 1)
            guard case .unknown(let error) = outcome else {
                Issue.record("expected unknown, got \(outcome)")
                return
            }
            #expect(error.code == .timeout)
            let pending = try #require(await store.current.pending[target]?.first)
            #expect(pending.unconfirmed)
            // It was applied all the same: the next poll shows it and the mark goes.
            #expect(simulator.requestCounts["whitelist-account/disable"] == 1)
            try await poll(poller, into: store)
            #expect(await store.current.pending[target] == nil)
        }
    }

    @Test func whatNeverReachedTheProviderIsRefused() async throws {
        let closed = ClosedPort()
        let client = ProxyLiteClient(
            configuration: .init(profile: PlatformProfile(baseURL: closed.url), appKey: AppKey(testKey), requestTimeout: .seconds(2)))
        let store = Store(source: "t", readOnly: false) { _ in }
        let outcome = await CommandRunner(client: client, store: store, readOnly: false).run(.disable(["shop1"]), id: 1)
        guard case .rejected(let error) = outcome else {
            Issue.record("expected refused, got \(outcome)")
            return
        }
        #expect(error.code == .connectionRefused)
        #expect(await store.current.pending.isEmpty)
        _ = closed
    }

    @Test func aServerErrorAfterSendingIsUnknown() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(errorRate: 1))) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let outcome = await CommandRunner(client: client, store: store, readOnly: false).run(.enable(["shop1"]), id: 1)
            guard case .unknown(let error) = outcome else {
                Issue.record("expected unknown, got \(outcome)")
                return
            }
            #expect(error.code == .httpStatus(500))
            #expect(await store.current.pending["shop1"]?.first?.unconfirmed == true)
            // Reads are never "unknown": nothing could have changed.
            let read = await CommandRunner(client: client, store: store, readOnly: false).run(.areas(username: "shop1"), id: 2)
            guard case .rejected = read else {
                Issue.record("a read that failed is refused, got \(read)")
                return
            }
        }
    }

    @Test func aLimitOverManyAccountsReportsEachOne() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            try await poll(client, into: store)
            let names = try #require(await store.current.accounts.value?.prefix(2).map(\.account.username))
            let outcome = await CommandRunner(client: client, store: store, readOnly: false)
                .run(.changeLimit([names[0], "nosuchuser", names[1]], gigabytes: 77), id: 1)
            guard case .done(.batch(let batch)) = outcome else {
                Issue.record("expected per-account outcomes, got \(outcome)")
                return
            }
            #expect(batch.accepted == names)
            #expect(batch.refused.map(\.username) == ["nosuchuser"])
            #expect(batch.summary == "2 accepted, 1 refused")
            #expect(await store.current.pending[names[0]]?.first?.unconfirmed == false)
            #expect(await store.current.pending["nosuchuser"] == nil)
        }
    }

    @Test func afterAnUnknownAnswerTheRestAreNotSent() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(errorRate: 1))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let outcome = await CommandRunner(client: client, store: store, readOnly: false)
                .run(.changeLimit(["a1", "a2", "a3"], gigabytes: 5), id: 1)
            guard case .done(.batch(let batch)) = outcome else {
                Issue.record("expected per-account outcomes, got \(outcome)")
                return
            }
            #expect(batch.unknown.map(\.username) == ["a1"])
            #expect(batch.notSent == ["a2", "a3"])
            #expect(batch.summary == "1 unknown, 2 not sent")
            #expect(simulator.requestCounts["whitelist-account/change-limit"] == 1)
            #expect(await store.current.pending["a1"]?.first?.unconfirmed == true)
        }
    }

    @Test func aPendingMarkNoPollConfirmsIsDroppedAfterAnHourAndLogged() async throws {
        let sink = LogSink()
        let store = Store(source: "t", readOnly: false, logger: Logger(label: "t") { _ in sink }) { _ in }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let account = Fixtures.account("ghost1")
        await store.apply(.accounts([account]), at: start, monotonic: 0)
        await store.markPending(.disable(["ghost1"]), at: start, monotonic: 0, unconfirmed: true)
        let overdue = ProviderFacts.pendingOverdueAfter + 1
        await store.apply(.accounts([account]), at: start.addingTimeInterval(overdue), monotonic: overdue)
        #expect(await store.current.pending["ghost1"]?.count == 1)
        // The wall clock jumping an hour ahead is not an hour of waiting.
        await store.apply(.accounts([account]), at: start.addingTimeInterval(7200), monotonic: overdue + 30)
        #expect(await store.current.pending["ghost1"]?.count == 1)
        let givenUp = ProviderFacts.pendingGivenUpAfter + 1
        await store.apply(.accounts([account]), at: start.addingTimeInterval(givenUp), monotonic: givenUp)
        #expect(await store.current.pending["ghost1"] == nil)
        #expect(sink.lines.contains { $0.contains("no longer tracked") && $0.contains("ghost1") && $0.contains("unknown") })
    }
}
