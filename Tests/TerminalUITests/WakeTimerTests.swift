import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI
import Testing

/// The curses loop sleeps until something on screen changes by the clock alone.
@Suite struct WakeTimerTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func offline(nextAttempt: Date?) async -> Snapshot {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(
            .failed(.accounts, ProxyLiteError(.connectionRefused, endpoint: "x", message: "refused")), at: now, nextAttempt: nextAttempt)
        return await store.current
    }

    @Test func offlineCountsDownBySecondsUntilTheRetry() async {
        let wake = DashboardLoop.nextWake(
            ui: UIState(), snapshot: await offline(nextAttempt: now.addingTimeInterval(7.5)), now: now, uptime: .now)
        #expect(wake == now.addingTimeInterval(1))
    }

    /// A retry time in the past (the retry is in flight, waiting on a slow or refused
    /// connection) once woke the loop continuously: 40 % of a core while offline.
    @Test func aRetryUnderWayNeedsNoTimer() async {
        let past = await offline(nextAttempt: now.addingTimeInterval(-3))
        #expect(DashboardLoop.nextWake(ui: UIState(), snapshot: past, now: now, uptime: .now) == nil)
        #expect(DashboardLoop.nextWake(ui: UIState(), snapshot: await offline(nextAttempt: nil), now: now, uptime: .now) == nil)
        var ui = UIState()
        ui.dialog = nil
        let context = RenderContext(snapshot: past, ui: ui, lists: VisibleLists(), now: now, zone: TimeZone(identifier: "UTC")!)
        #expect(DashboardScreen.render(context, width: 120, height: 30).line(0).contains("○ offline (connection refused) · retrying…"))
    }

    @Test func aTimeAlreadyPastStillSleepsAWhile() {
        #expect(DashboardLoop.timeout(until: now.addingTimeInterval(-10), now: now) == 50)
        #expect(DashboardLoop.timeout(until: nil, now: now) == -1)
        #expect(DashboardLoop.timeout(until: now.addingTimeInterval(2), now: now) == 2000)
    }
}
