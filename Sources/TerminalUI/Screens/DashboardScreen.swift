import Foundation
import Monitor
import ProxyLiteAPI

/// The whole screen: header, tabs, the current pane, the flash line, the footer and any overlay.
/// A pure function of the context and the size.
public enum DashboardScreen {
    public static func render(_ context: RenderContext, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let layout = ScreenLayout(width: width, height: height)
        if layout.isTooSmall {
            TooSmallScreen.render(into: &buffer, width: width, height: height)
            return buffer
        }
        HeaderBar.render(context, area: layout.header, into: &buffer)
        renderTabs(context.ui.tab, layout: layout, into: &buffer)
        Panes.pane(context.ui.tab).render(context, area: layout.body, into: &buffer)
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
                ScreenLayout.tabLabel(hit.tab, bar.style), x: hit.range.lowerBound, y: layout.tabs.y,
                role: hit.tab == current ? .tabActive : .tabInactive, clip: layout.tabs)
        }
        if bar.moreLeft { buffer.put("‹", x: layout.tabs.x, y: layout.tabs.y, role: .accent, clip: layout.tabs) }
        if bar.moreRight { buffer.put("›", x: layout.tabs.maxX - 1, y: layout.tabs.y, role: .accent, clip: layout.tabs) }
    }

    static func renderFlash(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        if let prompt = context.ui.prompt {
            let label = "Filter: "
            buffer.put(label, x: area.x, y: area.y, role: .accent, clip: area)
            let x = area.x + DisplayWidth.columns(label)
            buffer.put(prompt.text + "▏", x: x, y: area.y, role: .input, clip: area)
            buffer.put(
                "  Enter apply · Esc cancel", x: x + DisplayWidth.columns(prompt.text) + 1, y: area.y, role: .dim, clip: area)
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

/// The top line: where the data is from, how fresh it is, and the package summary.
enum HeaderBar {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        buffer.fill(area, role: .header)
        var x = area.x + buffer.put(" proxylite-top ", x: area.x, y: area.y, role: .header, clip: area)
        let (status, role) = connectionText(context)
        x += buffer.put(status, x: x, y: area.y, role: role, clip: area)
        if let summary = context.snapshot.summary.value {
            let text =
                "  │ left \(ByteFormat.human(summary.effectiveBytes)) (\(summary.effectiveCount))"
                + " · expiring 7d \(ByteFormat.human(summary.expiringBytes)) (\(summary.expiringCount))"
                + " · expired \(ByteFormat.human(summary.expiredBytes)) (\(summary.expiredCount))"
                + " · used \(ByteFormat.human(summary.usedBytes))"
            x += buffer.put(text, x: x, y: area.y, role: .header, clip: Rect(x: area.x, y: area.y, width: area.width - 5, height: 1))
        }
        if context.snapshot.readOnly {
            buffer.put("[RO]", x: area.maxX - 5, y: area.y, role: .warning, clip: area)
        }
    }

    static func connectionText(_ context: RenderContext) -> (String, ColorRole) {
        let refreshed = context.snapshot.lastRefresh.map { TimeText.clock($0, zone: context.zone) } ?? "-"
        switch context.snapshot.connection {
        case .connecting: return ("… connecting", .statusStale)
        case .live: return ("● live · \(refreshed)", .statusLive)
        case .stale(let since, let reason):
            let age = context.snapshot.staleAge(now: context.now, monotonic: context.monotonic) ?? context.now.timeIntervalSince(since)
            return ("◐ stale \(TimeText.age(age)) (\(reason)) · \(refreshed)", .statusStale)
        case .offline(let retry, let reason):
            let countdown: String
            if let retry, retry > context.now {
                countdown = " · retry in \(Int(clamping: retry.timeIntervalSince(context.now).rounded(.up)))s"
            } else {
                countdown = " · retrying…"
            }
            return ("○ offline (\(reason))\(countdown)", .statusOffline)
        case .stopped(let reason):
            return ("■ \(reason); fix it, then r (or change the key file) · \(refreshed)", .statusOffline)
        }
    }
}

/// Shown instead of the dashboard when the terminal is too small for it.
enum TooSmallScreen {
    static func render(into buffer: inout CellBuffer, width: Int, height: Int) {
        let lines = [
            "Terminal too small", "\(width)×\(height), needs \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)",
            "q quits",
        ]
        for (i, line) in lines.enumerated() {
            let y = max(0, height / 2 - 1) + i
            guard y < height else { break }
            let text = DisplayWidth.truncate(line, to: width)
            buffer.put(text, x: max(0, (width - DisplayWidth.columns(text)) / 2), y: y, role: i == 0 ? .warning : .normal)
        }
    }
}
