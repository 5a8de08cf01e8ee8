import Foundation
import Monitor
import Testing

/// Alert episodes on a manual clock: once per episode, cleared only after 10 minutes 10 % clear,
/// re-fired after, kept across a restart, acknowledged.
@Suite struct AlertBookTests {
    /// A manual clock: wall and monotonic move together, by hand.
    struct Clock {
        var monotonic = 5_000.0
        var now: Date { Date(timeIntervalSince1970: 1_800_000_000 + monotonic) }
        mutating func advance(minutes: Double) { monotonic += minutes * 60 }
    }

    func usage(_ value: Double, _ subject: String = "alice") -> AlertObservation {
        AlertObservation(kind: .usagePercent, subject: subject, value: value, threshold: 90, message: "\(subject) at \(value) %")
    }

    @Test func firesOnceAndStaysQuietWhileActive() throws {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        #expect(book.evaluate([usage(50)], now: clock.now, monotonic: clock.monotonic).raised.isEmpty)
        clock.advance(minutes: 1)
        let first = book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic)
        let alert = try #require(first.raised.first)
        #expect(first.raised.count == 1 && first.changed == first.raised)
        #expect(alert.id == 1 && alert.state == .active && alert.profile == "main" && alert.at == clock.now)
        #expect(alert.kind == .usagePercent && alert.subject == "alice" && alert.value == 92 && alert.threshold == 90)
        for _ in 0..<30 {
            clock.advance(minutes: 1)
            let again = book.evaluate([usage(95)], now: clock.now, monotonic: clock.monotonic)
            #expect(again.raised.isEmpty && again.changed.isEmpty)
        }
        #expect(book.all.map(\.id) == [1])
    }

    @Test func clearsOnlyAfterTenMinutesTenPercentClear() throws {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        _ = book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic)
        // Below the threshold but within 10 % of it: never clears.
        for _ in 0..<20 {
            clock.advance(minutes: 1)
            #expect(book.evaluate([usage(85)], now: clock.now, monotonic: clock.monotonic).changed.isEmpty)
        }
        // 10 % clear (81 ≤ 0.9 × 90): clears after 10 minutes of it, not before.
        clock.advance(minutes: 1)
        #expect(book.evaluate([usage(81)], now: clock.now, monotonic: clock.monotonic).changed.isEmpty)
        clock.advance(minutes: 9.9)
        #expect(book.evaluate([usage(10)], now: clock.now, monotonic: clock.monotonic).changed.isEmpty)
        clock.advance(minutes: 0.1)
        let cleared = book.evaluate([usage(10)], now: clock.now, monotonic: clock.monotonic)
        let past = try #require(cleared.changed.first)
        #expect(cleared.raised.isEmpty && cleared.changed.count == 1)
        #expect(past.id == 1 && past.state == .past && past.clearedAt == clock.now)
        #expect(book.open.isEmpty && book.all == [past])
    }

    @Test func aDipBackIntoTheBandResetsTheWait() {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        _ = book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic)
        clock.advance(minutes: 1)
        _ = book.evaluate([usage(50)], now: clock.now, monotonic: clock.monotonic)  // the wait starts
        clock.advance(minutes: 8)
        _ = book.evaluate([usage(85)], now: clock.now, monotonic: clock.monotonic)  // back in the band
        clock.advance(minutes: 1)
        _ = book.evaluate([usage(50)], now: clock.now, monotonic: clock.monotonic)  // a new wait
        clock.advance(minutes: 9)
        #expect(book.evaluate([usage(50)], now: clock.now, monotonic: clock.monotonic).changed.isEmpty)
        clock.advance(minutes: 1)
        #expect(book.evaluate([usage(50)], now: clock.now, monotonic: clock.monotonic).changed.map(\.state) == [.past])
    }

    @Test func refiresAfterClearing() throws {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        _ = book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic)
        for _ in 0...2 {
            clock.advance(minutes: 5)
            _ = book.evaluate([usage(0)], now: clock.now, monotonic: clock.monotonic)
        }
        #expect(book.open.isEmpty)
        clock.advance(minutes: 1)
        let again = book.evaluate([usage(91)], now: clock.now, monotonic: clock.monotonic)
        let second = try #require(again.raised.first)
        #expect(second.id == 2 && second.state == .active)
        #expect(book.all.map(\.id) == [2, 1])
        #expect(book.all.map(\.state) == [.active, .past])
    }

    @Test func aSubjectThatDisappearsCountsAsClear() {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        _ = book.evaluate([usage(92), usage(95, "bob")], now: clock.now, monotonic: clock.monotonic)
        clock.advance(minutes: 1)
        _ = book.evaluate([usage(95, "bob")], now: clock.now, monotonic: clock.monotonic)  // alice deleted
        clock.advance(minutes: 10)
        let changed = book.evaluate([usage(95, "bob")], now: clock.now, monotonic: clock.monotonic).changed
        #expect(changed.map(\.subject) == ["alice"] && changed.map(\.state) == [.past])
        #expect(book.open.map(\.subject) == ["bob"])
    }

    @Test func heldKindsNeitherClearNorFire() {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        _ = book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic)
        for _ in 0..<5 {
            clock.advance(minutes: 10)
            #expect(book.evaluate([], holding: [.usagePercent], now: clock.now, monotonic: clock.monotonic).changed.isEmpty)
        }
        #expect(book.open.count == 1)
    }

    @Test func aRestartFromTheKeptAlertsDoesNotFireAgain() throws {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        let raised = try #require(book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic).raised.first)
        // A new process: a new monotonic origin, the open alerts and the next id from the database.
        var restarted = AlertBook(profile: "main", open: book.open, nextID: book.nextID)
        clock.monotonic = 3
        let after = restarted.evaluate([usage(97)], now: clock.now, monotonic: clock.monotonic)
        #expect(after.raised.isEmpty && after.changed.isEmpty)
        #expect(restarted.open == [raised])
        // Another subject gets the next id, never one already used.
        let bob = try #require(
            restarted.evaluate([usage(97), usage(99, "bob")], now: clock.now, monotonic: clock.monotonic).raised.first)
        #expect(bob.subject == "bob" && bob.id == raised.id + 1)
        // An id kept below the open ones is raised past them.
        #expect(AlertBook(profile: "main", open: [raised], nextID: 1).nextID == raised.id + 1)
    }

    @Test func acknowledgeMovesActiveToAcknowledged() throws {
        var book = AlertBook(profile: "main")
        let clock = Clock()
        let raised = try #require(book.evaluate([usage(92)], now: clock.now, monotonic: clock.monotonic).raised.first)
        let seen = book.acknowledge(raised.id)
        #expect(seen?.id == raised.id && seen?.state == .acknowledged)
        let twice = book.acknowledge(raised.id)
        #expect(twice == nil)  // already acknowledged
        let unknown = book.acknowledge(999)
        #expect(unknown == nil)
        #expect(book.open.map(\.state) == [.acknowledged])
        // Acknowledged is still within the episode: no new alert.
        #expect(book.evaluate([usage(99)], now: clock.now, monotonic: clock.monotonic).raised.isEmpty)
    }

    @Test func pastAlertsAreBounded() {
        var book = AlertBook(profile: "main")
        var clock = Clock()
        for round in 0..<(AlertBook.pastLimit + 20) {
            _ = book.evaluate([usage(92, "u\(round)")], now: clock.now, monotonic: clock.monotonic)
            clock.advance(minutes: 1)
            _ = book.evaluate([], now: clock.now, monotonic: clock.monotonic)
            clock.advance(minutes: 10)
            _ = book.evaluate([], now: clock.now, monotonic: clock.monotonic)
        }
        let all = book.all
        #expect(all.count == AlertBook.pastLimit)
        #expect(all.first?.subject == "u\(AlertBook.pastLimit + 19)")
        #expect(all.allSatisfy { $0.state == .past })
    }

    @Test func listingPutsOpenAlertsFirstNewestFirst() throws {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        func alert(_ id: Int64, _ state: AlertState, minutes: Double) -> Alert {
            Alert(
                id: id, kind: .spike, subject: "s\(id)", profile: "main", value: 6, threshold: 5, message: "",
                at: at.addingTimeInterval(minutes * 60), state: state, clearedAt: state == .past ? at : nil)
        }
        let book = AlertBook(
            profile: "main", open: [alert(1, .active, minutes: 0), alert(3, .acknowledged, minutes: 5)],
            past: [alert(2, .past, minutes: 10), alert(4, .past, minutes: 20)])
        #expect(book.all.map(\.id) == [3, 1, 4, 2])
        #expect(book.nextID == 5)
    }
}
