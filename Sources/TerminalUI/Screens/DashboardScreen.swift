import Foundation
import Monitor
import ProxyLiteAPI

/// The whole screen: header, tabs, the current pane, the flash line, the footer and any overlay.
/// A pure function of the context and the size.
public enum DashboardScreen {
    public static func render(_ context: RenderContext, width: Int, height: Int) -> CellBuffer {
        Language.$current.withValue(context.ui.language) { draw(context, width: width, height: height) }
    }

    private static func draw(_ context: RenderContext, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let layout = ScreenLayout(width: width, height: height, snapshot: context.snapshot)
        if layout.isTooSmall {
            TooSmallScreen.render(into: &buffer, width: width, height: height)
            return buffer
        }
        HeaderBar.render(context, area: layout.header, into: &buffer)
        renderTabs(context.ui.tab, layout: layout, into: &buffer)
        ServerQueryBanner.renderPane(context, area: layout.body, into: &buffer)
        renderFlash(context, area: layout.flash, into: &buffer)
        renderFooter(
            context.ui.tab, prompt: context.ui.prompt != nil || context.ui.dialog != nil, readOnly: context.snapshot.readOnly,
            keys: context.ui.keyMap, area: layout.footer, into: &buffer)
        // The modal stack, bottom to top (a filter being typed is drawn in the flash line).
        for modal in context.ui.modals {
            switch modal {
            case .overlay(.none), .prompt: break
            case .overlay(.help): HelpOverlay.render(context, area: layout.body, into: &buffer)
            case .overlay(.accountDetail(let username)):
                AccountDetailOverlay.render(context, username: username, area: layout.body, into: &buffer)
            case .overlay(.staticIPDetail(let identity)):
                StaticIPDetailOverlay.render(context, identity: identity, area: layout.body, into: &buffer)
            case .dialog(let dialog): DialogView.render(dialog, guard: context.ui.dialogGuard, area: layout.body, into: &buffer)
            }
        }
        return buffer
    }

    static func renderTabs(_ current: Tab, layout: ScreenLayout, into buffer: inout CellBuffer) {
        buffer.fill(layout.tabs, role: .tabInactive)
        let bar = layout.tabBar(current: current)
        for hit in bar.hits {
            buffer.put(
                ScreenLayout.tabLabel(hit.tab, bar.style, badge: layout.badges[hit.tab]), x: hit.range.lowerBound, y: layout.tabs.y,
                role: hit.tab == current ? .tabActive : .tabInactive, clip: layout.tabs)
        }
        if bar.moreLeft { buffer.put("‹", x: layout.tabs.x, y: layout.tabs.y, role: .accent, clip: layout.tabs) }
        if bar.moreRight { buffer.put("›", x: layout.tabs.maxX - 1, y: layout.tabs.y, role: .accent, clip: layout.tabs) }
    }

    static func renderFlash(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        if let prompt = context.ui.prompt {
            let label = UIText.filterLabel()
            buffer.put(label, x: area.x, y: area.y, role: .accent, clip: area)
            let x = area.x + DisplayWidth.columns(label)
            buffer.put(prompt.text + "▏", x: x, y: area.y, role: .input, clip: area)
            buffer.put(
                UIText.filterHint(), x: x + DisplayWidth.columns(prompt.text) + 1, y: area.y, role: .dim, clip: area)
            return
        }
        if let flash = context.ui.flash, flash.until > context.now {
            buffer.put(flash.text, x: area.x, y: area.y, role: flash.role, clip: area)
        }
    }

    /// Pane keys from the left, the global ones (help, refresh, quit) kept visible on the right.
    static func renderFooter(
        _ tab: Tab, prompt: Bool, readOnly: Bool, keys: KeyMap = KeyMap(), area: Rect, into buffer: inout CellBuffer
    ) {
        buffer.fill(area, role: .footer)
        guard !prompt else { return }
        let bindings = KeyBinding.footer(for: tab, readOnly: readOnly, keys: keys)
        let global = bindings.filter { $0.scope == .global }
        let globalWidth = global.reduce(0) { $0 + DisplayWidth.columns($1.keys + " " + $1.action + "  ") }
        var x = max(area.x, area.maxX - globalWidth)
        let right = x
        for binding in global {
            x += buffer.put(binding.keys, x: x, y: area.y, role: .footerKey, clip: area)
            x += buffer.put(" " + binding.action + "  ", x: x, y: area.y, role: .footer, clip: area)
        }
        let left = Rect(x: area.x, y: area.y, width: max(0, right - area.x - 1), height: 1)
        x = area.x
        for binding in bindings where binding.scope != .global {
            let width = DisplayWidth.columns(binding.keys + " " + binding.action)
            guard x + width <= left.maxX else { break }  // whole bindings only
            x += buffer.put(binding.keys, x: x, y: area.y, role: .footerKey, clip: left)
            x += buffer.put(" " + binding.action + "  ", x: x, y: area.y, role: .footer, clip: left)
        }
    }
}

/// The top line: the app, the profile on screen, how fresh its data is, alerts, the history's
/// state, the projection and the package summary. What does not fit is dropped, least important
/// first; the profile never is (a long name is cut), and the status is cut rather than dropped.
enum HeaderBar {
    /// One part of the line after the connection status; `rank` 0 is kept longest.
    struct Part {
        var text: String
        var role: ColorRole
        var rank: Int
    }

    static let brand = " proxylite-top"
    /// The app's name goes after the parts of this rank and above, before the rest: it tells
    /// less than the alerts, a failing history or the traffic left.
    static let brandRank = 3

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        buffer.fill(area, role: .header)
        // Up to the [RO] mark, kept free whether or not it is shown, so that the line does not jump.
        let clip = Rect(x: area.x, y: area.y, width: max(0, area.width - 5), height: 1)
        let roster = context.snapshot.profiles
        let profile = " \(ProfileName.text(roster.active)) "
        let (status, role) = connectionText(context)
        var parts = parts(context)
        var branded = true
        let separator = " · "
        func width(_ parts: [Part]) -> Int {
            parts.isEmpty
                ? 0
                : DisplayWidth.columns("  │ ") + parts.map { DisplayWidth.columns($0.text) }.reduce(0, +)
                    + DisplayWidth.columns(separator) * (parts.count - 1)
        }
        func fits() -> Bool {
            (branded ? DisplayWidth.columns(brand) : 0) + DisplayWidth.columns(profile) + DisplayWidth.columns(status) + width(parts)
                <= clip.width
        }
        while !fits() {
            let drop = parts.indices.max { parts[$0].rank < parts[$1].rank }
            if branded, drop.map({ parts[$0].rank < brandRank }) ?? true {
                branded = false
            } else if let drop {
                parts.remove(at: drop)
            } else {
                break  // the profile and the status alone: the status is cut at the clip
            }
        }
        var x = area.x
        if branded { x += buffer.put(brand, x: x, y: area.y, role: .header, clip: clip) }
        x += buffer.put(profile, x: x, y: area.y, role: ProfileName.role(roster.activeColour, fallback: .header), clip: clip)
        x += buffer.put(status, x: x, y: area.y, role: role, clip: clip)
        if !parts.isEmpty { x += buffer.put("  │ ", x: x, y: area.y, role: .header, clip: clip) }
        for (i, part) in parts.enumerated() {
            if i > 0 { x += buffer.put(separator, x: x, y: area.y, role: .header, clip: clip) }
            x += buffer.put(part.text, x: x, y: area.y, role: part.role, clip: clip)
        }
        if context.snapshot.readOnly {
            buffer.put("[RO]", x: area.maxX - 5, y: area.y, role: .warning, clip: area)
        }
    }

    /// Alerts and a failing history first, then the projection, then the summary's totals.
    static func parts(_ context: RenderContext) -> [Part] {
        var parts: [Part] = []
        let active = context.snapshot.alerts.activeCount
        if active > 0 {
            parts.append(Part(text: active == 1 ? UIText.headerAlertOne() : UIText.headerAlerts(active), role: .warning, rank: 0))
        }
        switch context.snapshot.history.status {
        case .failed(let reason): parts.append(Part(text: UIText.headerHistoryOff(reason), role: .warning, rank: 1))
        case .reading: parts.append(Part(text: UIText.headerHistoryReading(), role: .header, rank: 5))
        case .off, .opening, .writing: break
        }
        let projection = context.snapshot.history.projection
        if let projection {
            parts.append(Part(text: UIText.headerLeft(ByteFormat.human(projection.leftBytes)), role: .header, rank: 2))
            if let runsOut = projection.runsOutAt {
                parts.append(Part(text: UIText.headerRunsOut(runOutDay(runsOut, context)), role: .header, rank: 3))
            }
        }
        if let summary = context.snapshot.summary.value {
            if projection == nil {
                parts.append(
                    Part(
                        text: UIText.headerLeftCount(ByteFormat.human(summary.effectiveBytes), summary.effectiveCount), role: .header,
                        rank: 2))
            }
            parts.append(
                Part(
                    text: UIText.headerExpiring(ByteFormat.human(summary.expiringBytes), summary.expiringCount), role: .header, rank: 4))
            parts.append(
                Part(text: UIText.headerExpired(ByteFormat.human(summary.expiredBytes), summary.expiredCount), role: .header, rank: 7))
            parts.append(Part(text: UIText.headerUsed(ByteFormat.human(summary.usedBytes)), role: .header, rank: 6))
        }
        return parts
    }

    /// `14 Dec` in the user's zone; with the year when it is not within the next 300 days.
    static func runOutDay(_ date: Date, _ context: RenderContext) -> String {
        let months = UIText.months().split(separator: " ").map(String.init)
        let day = TimeText.day(date, zone: context.zone).split(separator: "-").compactMap { Int($0) }  // YYYY-MM-DD
        guard day.count == 3, (1...12).contains(day[1]), months.count == 12 else { return TimeText.day(date, zone: context.zone) }
        let far = date.timeIntervalSince(context.now) > 300 * 86_400
        return far ? UIText.monthDayYear(day[2], months[day[1] - 1], day[0]) : UIText.monthDay(day[2], months[day[1] - 1])
    }

    static func connectionText(_ context: RenderContext) -> (String, ColorRole) {
        // To the minute: with seconds, every poll rewrote the header of a screen whose data had not
        // changed (a terminal over SSH paid for it; the stale age says more when it matters).
        let refreshed = context.snapshot.lastRefresh.map { TimeText.minute($0, zone: context.zone) } ?? "-"
        switch context.snapshot.connection {
        case .connecting: return (UIText.connConnecting(), .statusStale)
        case .live: return (UIText.connLive(refreshed), .statusLive)
        case .stale(let since, let reason):
            let age = context.snapshot.staleAge(now: context.now, monotonic: context.monotonic) ?? context.now.timeIntervalSince(since)
            return (UIText.connStale(TimeText.age(age), reason, refreshed), .statusStale)
        case .offline(let retry, let reason):
            let countdown: String
            if let retry, retry > context.now {
                countdown = UIText.connRetryIn(Int(clamping: retry.timeIntervalSince(context.now).rounded(.up)))
            } else {
                countdown = UIText.connRetrying()
            }
            return (UIText.connOffline(reason, countdown), .statusOffline)
        case .stopped(let reason):
            return (UIText.connStopped(reason, refreshed), .statusOffline)
        }
    }
}

/// Shown instead of the dashboard when the terminal is too small for it.
enum TooSmallScreen {
    static func render(into buffer: inout CellBuffer, width: Int, height: Int) {
        let lines = [
            UIText.tooSmall(), UIText.tooSmallSize(width, height, ScreenLayout.minimumWidth, ScreenLayout.minimumHeight),
            UIText.tooSmallQuit(),
        ]
        for (i, line) in lines.enumerated() {
            let y = max(0, height / 2 - 1) + i
            guard y < height else { break }
            let text = DisplayWidth.truncate(line, to: width)
            buffer.put(text, x: max(0, (width - DisplayWidth.columns(text)) / 2), y: y, role: i == 0 ? .warning : .normal)
        }
    }
}
