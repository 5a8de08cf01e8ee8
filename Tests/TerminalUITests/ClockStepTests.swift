import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import TestSupport
import Testing

/// The wall clock set back or forward while the dashboard runs (by hand, by NTP, after a
/// suspend) changes the times it shows, never the ages: those are measured on the monotonic clock.
@Suite struct ClockStepTests {
    init() { DisplayWidth.prepareLocale() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let failure = ProxyLiteError(.httpStatus(503), endpoint: "whitelist-account/list", message: "HTTP 503")
    let utc = TimeZone(identifier: "UTC")!

    /// Accounts fetched at monotonic 1 000 s, then a failing poll; the pending disable of "gamma"
    /// accepted at monotonic 1 000 s too.
    func staleSnapshot() async -> Snapshot {
        let store = Store(source: "test", readOnly: false, monotonic: { 1_000 }) { _ in }
        await store.apply(
            .accounts([
                Fixtures.account("alpha", usageGB: 9, limitGB: 10), Fixtures.account("beta", usageGB: 1, limitGB: 0),
                Fixtures.account("gamma", usageGB: 4, limitGB: 5),
            ]), at: t0, monotonic: 1_000)
        await store.apply(.failed(.accounts, failure), at: t0.addingTimeInterval(30), monotonic: 1_030)
        await store.markPending(.disable(["gamma"]), at: t0, monotonic: 1_000)
        return await store.current
    }

    func frame(_ snapshot: Snapshot, wall: Date, monotonic: Double) -> CellBuffer {
        let ui = UIState()
        let lists = VisibleLists.compute(snapshot, ui)
        return DashboardScreen.render(
            RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: wall, monotonic: monotonic, zone: utc), width: 120,
            height: 30)
    }

    func text(_ buffer: CellBuffer) -> String { (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n") }

    @Test func theStaleAgeFollowsTheMonotonicClockWhenTheWallClockIsSetBack() async {
        let snapshot = await staleSnapshot()
        // Ten minutes later on the monotonic clock; the wall clock was set back an hour meanwhile.
        let screen = text(frame(snapshot, wall: t0.addingTimeInterval(-3_000), monotonic: 1_600))
        #expect(snapshot.staleAge(now: t0.addingTimeInterval(-3_000), monotonic: 1_600) == 600)
        #expect(screen.contains("stale 10m"))
        #expect(!screen.contains("stale <1m"))
    }

    @Test func theStaleAgeDoesNotJumpWhenTheWallClockIsSetForward() async {
        let snapshot = await staleSnapshot()
        // A minute later on the monotonic clock; the wall clock jumped a day ahead.
        let screen = text(frame(snapshot, wall: t0.addingTimeInterval(86_400), monotonic: 1_060))
        #expect(screen.contains("stale 1m"))
        #expect(!screen.contains("stale 1d"))
        #expect(!screen.contains("stale 24h"))
    }

    @Test func anOverdueChangeIsJudgedOnTheMonotonicClock() async throws {
        let snapshot = await staleSnapshot()
        func role(wall: Date, monotonic: Double) throws -> ColorRole {
            let screen = frame(snapshot, wall: wall, monotonic: monotonic)
            let y = try #require((0..<screen.height).first { screen.line($0).contains("gamma") })
            let line = screen.line(y)
            let x = try #require(line.range(of: "→off").map { line.distance(from: line.startIndex, to: $0.lowerBound) })
            return screen.role(x, y)
        }
        // Eleven minutes waited, though the wall clock says none passed: overdue.
        #expect(try role(wall: t0, monotonic: 1_660) == .warning)
        // One minute waited, though the wall clock says a day passed: not overdue.
        #expect(try role(wall: t0.addingTimeInterval(86_400), monotonic: 1_060) == .pending)
    }
}
