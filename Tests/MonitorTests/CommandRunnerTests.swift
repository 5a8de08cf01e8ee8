import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// Commands against the simulator over HTTP: accepted, pending until a poll shows them, rejected
/// with the provider's reason, blocked in read-only mode.
@Suite struct CommandRunnerTests {
    func poll(_ client: ProxyLiteClient, into store: Store) async throws {
        await store.apply(.accounts(try await client.accounts()), at: Date())
    }

    @Test func disableIsPendingUntilThePollShowsIt() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(300))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            try await poll(client, into: store)
            let target = try #require(await store.current.accounts.value?.first { $0.account.isEnabled }?.account.username)
            let runner = CommandRunner(client: client, store: store, readOnly: false)
            #expect(await runner.run(.disable([target])) == .accepted)
            #expect(await store.current.pending[target]?.count == 1)
            try await poll(client, into: store)
            #expect(await store.current.pending[target]?.count == 1)  // the provider has not applied it yet
            simulator.configuration.clock.advance(by: .seconds(301))
            try await poll(client, into: store)
            #expect(await store.current.pending[target] == nil)
            #expect(await store.current.accounts.value?.first { $0.account.username == target }?.account.isEnabled == false)
        }
    }

    @Test func deleteIsPendingUntilTheAccountIsGone() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(60))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = CommandRunner(client: client, store: store, readOnly: false)
            #expect(await runner.run(.delete(["shop1"])) == .accepted)
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] != nil)
            simulator.configuration.clock.advance(by: .seconds(61))
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] == nil)
            #expect(await store.current.accounts.value?.contains { $0.account.username == "shop1" } == false)
        }
    }

    @Test func limitChangesShowAtTheNextPoll() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = CommandRunner(client: client, store: store, readOnly: false)
            #expect(await runner.run(.changeLimit("shop1", gigabytes: 77)) == .accepted)
            #expect(await store.current.pending["shop1"] != nil)
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] == nil)
        }
    }

    @Test func aRejectedCommandChangesNothing() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = CommandRunner(client: client, store: store, readOnly: false)
            let outcome = await runner.run(.changeLimit("shop1", gigabytes: 500_000))
            guard case .rejected(let reason) = outcome else {
                Issue.record("expected a rejection, got \(outcome)")
                return
            }
            #expect(reason.contains("limit"))
            #expect(!reason.contains(testKey))
            #expect(await store.current.pending.isEmpty)
        }
    }

    @Test func readOnlySendsNothing() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: true) { _ in }
            let runner = CommandRunner(client: client, store: store, readOnly: true)
            #expect(await runner.run(.delete(["shop1"])) == .readOnly)
            #expect(simulator.requestCounts["whitelist-account/delete"] == nil)
            #expect(await store.current.pending.isEmpty)
        }
    }
}
