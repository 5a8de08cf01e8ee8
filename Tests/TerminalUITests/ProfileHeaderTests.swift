import Foundation
import Monitor
import ProxyLiteAPI
import TestSupport
import Testing

@testable import TerminalUI

/// The header always names the profile on screen, in its colour, and still fits: the app's name
/// and the least important parts give way, a long name is cut, the status is cut last.
@Suite struct ProfileHeaderTests {
    init() { DisplayWidth.prepareLocale() }

    let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    /// Alerts, a failing history and a projection: a header with more than fits at 80 columns.
    func busy(_ name: String, colour: String? = "magenta", readOnly: Bool = false) async -> Snapshot {
        let store = Store(source: "t", readOnly: readOnly) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha", usageGB: 9, limitGB: 10)]), at: now)
        await store.apply(.summary(Fixtures.summary()), at: now)
        var snapshot = await store.current
        snapshot.alerts.all = sampleAlerts(at: now)
        snapshot.history.status = .failed("disk full")
        snapshot.history.projection = TrafficProjection(
            leftBytes: 812 << 30, ratePerSecond: 1e6, runsOutAt: Date(timeIntervalSince1970: 1_802_592_000), expiringUnused: 0)
        return named(name, colour: colour, snapshot, others: ["other"], now: now)
    }

    func header(_ snapshot: Snapshot, width: Int) -> CellBuffer {
        renderDashboard(snapshot, UIState(), now: now, width: width, height: 24)
    }

    /// The column where `needle` starts on the header line.
    func column(_ needle: String, in buffer: CellBuffer) -> Int? {
        let line = buffer.line(0)
        return line.range(of: needle).map { DisplayWidth.columns(String(line[..<$0.lowerBound])) }
    }

    @Test(arguments: [80, 120, 160])
    func theHeaderNamesTheProfileInItsColour(width: Int) async throws {
        let buffer = header(await busy("main"), width: width)
        let line = buffer.line(0)
        let x = try #require(column(" main ", in: buffer), "\(line)")
        #expect(buffer.role(x + 1, 0) == .profileMagenta)
        #expect(line.contains("main ● live"), "\(line)")
        #expect(line.contains("1 alert"), "\(line)")  // the most important part stays
        #expect(DisplayWidth.columns(line) <= width - 5, "\(line)")  // the [RO] corner stays free
        #expect(KeyFuzz.misfit(buffer, width: width, height: 24) == nil)
    }

    @Test func theAppsNameGivesWayBeforeTheAlertsAndTheTrafficLeft() async {
        let at160 = header(await busy("main"), width: 160).line(0)
        #expect(at160.hasPrefix(" proxylite-top main ● live"), "\(at160)")
        #expect(at160.contains("1 alert · history off: disk full · left 812 GB · runs out 14 Feb at 24h rate"), "\(at160)")
        let at120 = header(await busy("main"), width: 120).line(0)
        #expect(at120.hasPrefix(" proxylite-top main"), "\(at120)")
        #expect(at120.contains("1 alert · history off: disk full · left 812 GB"), "\(at120)")
        let at80 = header(await busy("main"), width: 80).line(0)
        #expect(at80.hasPrefix(" main ● live"), "\(at80)")
        #expect(at80.contains("1 alert · history off: disk full"), "\(at80)")
        #expect(!at80.contains("expired") && !at80.contains("used "))
    }

    @Test(arguments: [80, 120, 160])
    func aCJKNameTakesTwoColumnsAGlyph(width: Int) async throws {
        let buffer = header(await busy("主账户", colour: "cyan"), width: width)
        let x = try #require(column("主账户", in: buffer), "\(buffer.line(0))")
        #expect(buffer[x, 0].text == "主" && buffer[x + 1, 0].isContinuation && buffer[x + 2, 0].text == "账")
        #expect(buffer.role(x, 0) == .profileCyan)
        #expect(buffer.line(0).contains("主账户 ● live"))
        #expect(DisplayWidth.columns(buffer.line(0)) <= width - 5)
        #expect(KeyFuzz.misfit(buffer, width: width, height: 24) == nil)
    }

    @Test(arguments: [60, 80, 120, 160])
    func anAbsurdlyLongNameIsCutNotDropped(width: Int) async {
        let name = String(repeating: "very-long-profile-name-", count: 8)
        let line = header(await busy(name), width: width).line(0)
        let shown = String(name.prefix(ProfileName.maxColumns - 1)) + "…"
        #expect(line.contains(" \(shown) "), "\(line)")
        #expect(line.contains("● live"), "\(line)")
        #expect(DisplayWidth.columns(line) <= width - 5)
        let wide = header(await busy("宽" + String(repeating: "字", count: 40)), width: width)
        #expect(wide.line(0).contains("宽字字字"))
        #expect(KeyFuzz.misfit(wide, width: width, height: 24) == nil)
    }

    @Test func aColourTheThemeHasNoRoleForIsTheHeadersOwn() async throws {
        for colour in ["chartreuse", "#ff00ff", "", nil] as [String?] {
            let buffer = header(await busy("main", colour: colour), width: 120)
            let x = try #require(column(" main ", in: buffer))
            #expect(buffer.role(x + 1, 0) == .header, "\(String(describing: colour))")
        }
        let bright = header(await busy("main", colour: "Bright_Red"), width: 120)
        #expect(bright.role(try #require(column(" main ", in: bright)) + 1, 0) == .profileBrightRed)
    }

    /// A stopped poller's status is long: it is cut at the [RO] corner, the profile stays.
    @Test func aLongStatusIsCutAndTheProfileStays() async throws {
        let store = Store(source: "t", readOnly: true) { _ in }
        await store.apply(
            .failed(.accounts, ProxyLiteError(.httpStatus(401), endpoint: "x", message: "key rejected")), at: now,
            stopped: [.accounts])
        let snapshot = named("reseller", colour: "green", await store.current, others: ["main"], now: now)
        let buffer = header(snapshot, width: 80)
        let line = buffer.line(0)
        #expect(line.hasPrefix(" reseller ■"), "\(line)")
        #expect(buffer.role(1, 0) == .profileGreen)
        #expect(line.hasSuffix("[RO]") && column("[RO]", in: buffer) == 75, "\(line)")
    }

    /// A snapshot straight from a store (before the hub fills the roster) is the profile `default`.
    @Test func withoutARosterTheProfileIsDefault() async {
        let store = Store(source: "t", readOnly: false) { _ in }
        await store.apply(.accounts([Fixtures.account("alpha")]), at: now)
        #expect(header(await store.current, width: 120).line(0).hasPrefix(" proxylite-top default ● live"))
    }
}
