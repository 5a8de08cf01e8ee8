import Foundation
import GRDB
import Logging
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import History

@Suite struct HistoryRecorderTests {
    let logger = Logger(label: "test")

    @Test func aRestartedDashboardShowsRatesOnItsFirstPoll() async throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let mb: Int64 = 1_048_576
        do {
            let store = Store(source: "t", readOnly: false, monotonic: { 1_000 }) { _ in }
            let recorder = try #require(
                await HistoryRecorder.start(
                    at: folder.location(), key: testKey, store: store, logger: logger, wallClock: { clock.date }))
            await store.apply(.accounts([account("alice", mb: 100)]), at: clock.date, monotonic: 1_000)
            clock.advance(120)
            await store.apply(.accounts([account("alice", mb: 160)]), at: clock.date, monotonic: 1_120)
            try await settle(recorder, 2)
            await recorder.stop()
        }
        clock.advance(60)
        // A new process: another monotonic origin, and the first poll already has a rate.
        let store = Store(source: "t", readOnly: false, monotonic: { 7 }) { _ in }
        let recorder = try #require(
            await HistoryRecorder.start(at: folder.location(), key: testKey, store: store, logger: logger, wallClock: { clock.date }))
        await store.apply(.accounts([account("alice", mb: 190)]), at: clock.date, monotonic: 7)
        let rate = try #require(await store.current.accounts.value?.first?.rate)
        #expect(abs(rate - Double(90 * mb) / 180) < 1, "\(rate)")
        #expect(await store.current.history.status == .writing)
        _ = recorder
    }

    @Test func aSecondRecorderReadsAndSaysSo() async throws {
        let folder = StateFolder()
        let first = Store(source: "t", readOnly: false) { _ in }
        let writer = try #require(await HistoryRecorder.start(at: folder.location(), key: testKey, store: first, logger: logger))
        #expect(await first.current.history.status == .writing)
        let second = Store(source: "t", readOnly: false) { _ in }
        let reader = try #require(await HistoryRecorder.start(at: folder.location(), key: testKey, store: second, logger: logger))
        guard case .reading(let holder) = await second.current.history.status else {
            Issue.record("expected reading, got \(await second.current.history.status)")
            return
        }
        #expect(holder.contains("pid \(getpid())"))
        #expect(await second.current.history.status.raisesAlerts == false)
        _ = (writer, reader)
    }

    @Test func aCorruptDatabaseIsShownAndTheLiveViewGoesOn() async throws {
        let folder = StateFolder()
        let location = folder.location()
        try FileManager.default.createDirectory(
            atPath: (location.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: location.path, contents: Data(repeating: 0x41, count: 4096)))
        let store = Store(source: "t", readOnly: false) { _ in }
        let recorder = await HistoryRecorder.start(at: location, key: testKey, store: store, logger: logger)
        #expect(recorder == nil)
        #expect(await store.current.history.status == .failed("history database corrupt"))
        await store.apply(.accounts([account("alice", mb: 1)]), at: Date())
        #expect(await store.current.accounts.value?.count == 1)
    }

    @Test func sparklinesAndTheProjectionArePublishedForTheShownRows() async throws {
        let folder = StateFolder()
        let clock = ManualClock()
        let store = Store(source: "t", readOnly: false) { _ in }
        let recorder = try #require(
            await HistoryRecorder.start(at: folder.location(), key: testKey, store: store, logger: logger, wallClock: { clock.date }))
        await recorder.show(accounts: ["alice"])
        var outcomes = 0
        for step in 0...8 {
            await store.apply(.accounts([account("alice", mb: Int64(step) * 50), account("bob", mb: 1)]), at: clock.date)
            await store.apply(.summary(Fixtures.summary()), at: clock.date)
            outcomes += 2
            clock.advance(900)
        }
        try await settle(recorder, outcomes)
        let history = await store.current.history
        #expect(history.sparklines.keys.sorted() == ["alice"], "only the rows on screen")
        let mb: Int64 = 1_048_576
        #expect(history.sparklines["alice"]?.reduce(0, +) == 400 * mb)
        let projection = try #require(history.projection)
        #expect(projection.ratePerSecond.map { $0 > 0 } == true)
        #expect(projection.runsOutAt != nil)
    }
}

@Suite struct HistoryAlertTests {
    let logger = Logger(label: "test")

    @Test func anAlertFiresOnceIsAcknowledgedAndARestartDoesNotFireItAgain() async throws {
        let folder = StateFolder()
        let rules = AlertRules(thresholds: [.usagePercent: 90])
        let fired = AlertCount()
        do {
            let store = Store(source: "t", readOnly: false) { _ in }
            let recorder = try #require(
                await HistoryRecorder.start(
                    at: folder.location(), key: testKey, store: store, rules: rules, logger: logger,
                    onRaised: { fired.add($0) }))
            await store.apply(.accounts([account("alice", mb: 9_500), account("bob", mb: 10)]), at: Date())
            await store.apply(.accounts([account("alice", mb: 9_600), account("bob", mb: 10)]), at: Date())
            try await settle(recorder, 2)
            let alerts = await store.current.alerts
            #expect(alerts.all.map(\.subject) == ["alice"])
            #expect(alerts.raisedSequence == 1, "raised once, not once per poll")
            let id = try #require(alerts.all.first?.id)
            await recorder.acknowledge(id)
            #expect(await store.current.alerts.all.first?.state == .acknowledged)
            await recorder.stop()
        }
        let store = Store(source: "t", readOnly: false) { _ in }
        let recorder = try #require(
            await HistoryRecorder.start(
                at: folder.location(), key: testKey, store: store, rules: rules, logger: logger, onRaised: { fired.add($0) }))
        #expect(await store.current.alerts.all.first?.state == .acknowledged, "kept across the restart")
        await store.apply(.accounts([account("alice", mb: 9_700), account("bob", mb: 10)]), at: Date())
        try await settle(recorder, 1)
        #expect(await store.current.alerts.all.count == 1)
        #expect(await store.current.alerts.raisedSequence == 0)
        for _ in 0..<100 where fired.count < 1 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(fired.count == 1, "the hook heard of alice once in two runs")
    }

    @Test func aReaderShowsTheWritersAlertsAndRaisesNone() async throws {
        let folder = StateFolder()
        let rules = AlertRules(thresholds: [.usagePercent: 90])
        let writerStore = Store(source: "t", readOnly: false) { _ in }
        let writer = try #require(
            await HistoryRecorder.start(at: folder.location(), key: testKey, store: writerStore, rules: rules, logger: logger))
        await writerStore.apply(.accounts([account("alice", mb: 9_500)]), at: Date())
        try await settle(writer, 1)
        let readerStore = Store(source: "t", readOnly: false) { _ in }
        let reader = try #require(
            await HistoryRecorder.start(at: folder.location(), key: testKey, store: readerStore, rules: rules, logger: logger))
        await readerStore.apply(.accounts([account("alice", mb: 9_900), account("carol", mb: 9_999)]), at: Date())
        try await settle(reader, 1)
        #expect(await readerStore.current.alerts.all.map(\.subject) == ["alice"])
        #expect(await readerStore.current.alerts.raisedSequence == 0)
    }
}

final class AlertCount: @unchecked Sendable {
    private let lock = NSLock()
    private var alerts: [Alert] = []
    func add(_ raised: [Alert]) { lock.withLock { alerts += raised } }
    var count: Int { lock.withLock { alerts.count } }
}

@Suite struct HistoryTakeOverTests {
    @Test func aReaderBecomesTheWriterWhenTheWriterStops() async throws {
        let folder = StateFolder()
        let logger = Logger(label: "test")
        let firstStore = Store(source: "t", readOnly: false) { _ in }
        let first = try #require(await HistoryRecorder.start(at: folder.location(), key: testKey, store: firstStore, logger: logger))
        let secondStore = Store(source: "t", readOnly: false) { _ in }
        let second = try #require(await HistoryRecorder.start(at: folder.location(), key: testKey, store: secondStore, logger: logger))
        guard case .reading = await secondStore.current.history.status else {
            Issue.record("the second recorder should read")
            return
        }
        await first.stop()
        await secondStore.apply(.accounts([account("alice", mb: 1)]), at: Date())
        try await settle(second, 1)
        #expect(await secondStore.current.history.status == .writing)
        #expect(try await second.writtenSampleCount() == 1)
    }
}

@Suite struct HistoryKeySwitchTests {
    @Test func aNewKeyWhileRunningStartsItsOwnSeriesAndAlerts() async throws {
        let folder = StateFolder()
        let logger = Logger(label: "test")
        let rules = AlertRules(thresholds: [.usagePercent: 90])
        let store = Store(source: "t", readOnly: false) { _ in }
        let recorder = try #require(
            await HistoryRecorder.start(at: folder.location(), key: testKey, store: store, rules: rules, logger: logger))
        await store.apply(.accounts([account("alice", mb: 9_500)]), at: Date())
        try await settle(recorder, 1)
        #expect(await store.current.alerts.all.count == 1)
        await recorder.switchKey(to: otherKey)
        #expect(await store.current.history.status == .writing)
        #expect(await store.current.alerts.all.isEmpty, "the old key's alerts belong to its series")
        await store.apply(.accounts([account("alice", mb: 9_600)]), at: Date())
        try await settle(recorder, 2)
        #expect(await store.current.alerts.all.count == 1, "the new series raises its own")
        await recorder.stop()
        let (database, _) = try HistoryDatabase.open(folder.location(), key: testKey, holder: "check")
        #expect(try count(database, "series") == 2)
        #expect(try database.recentSamples(within: 900, now: Date())["alice"]?.count == 1)
    }
}
