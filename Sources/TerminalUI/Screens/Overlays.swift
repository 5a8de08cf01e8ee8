import Foundation
import Monitor
import ProxyLiteAPI

/// `?`: every key, from the binding table.
enum HelpOverlay {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let bindings = KeyBinding.available(readOnly: context.snapshot.readOnly).filter {
            if case .pane(let tab) = $0.scope { return tab == context.ui.tab }
            return true
        }
        let inside = Overlay.frame(
            title: "Keys · \(context.ui.tab.title) (Esc closes)", width: 76, height: bindings.count + 4, in: area, into: &buffer)
        for (i, binding) in bindings.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(binding.keys, to: 22), x: inside.x, y: inside.y + i, role: .footerKey, clip: inside)
            buffer.put(binding.action, x: inside.x + 23, y: inside.y + i, role: .dialog, clip: inside)
        }
        if bindings.count + 1 < inside.height {
            buffer.put(
                "Mouse: click a tab or a row; wheel scrolls.", x: inside.x, y: inside.y + bindings.count + 1, role: .dim, clip: inside)
        }
    }
}

/// Enter on an account: its fields and its own daily traffic.
enum AccountDetailOverlay {
    static func render(_ context: RenderContext, username: String, area: Rect, into buffer: inout CellBuffer) {
        let inside = Overlay.frame(
            title: "Account \(username) (Esc closes)", width: area.width - 6, height: area.height - 2, in: area, into: &buffer)
        guard let row = context.snapshot.accounts.value?.first(where: { $0.account.username == username }) else {
            buffer.put("This account is no longer listed.", x: inside.x, y: inside.y, role: .warning, clip: inside)
            return
        }
        let a = row.account
        var fields: [(String, String)] = [
            ("status", a.isEnabled ? "enabled" : "disabled"),
            ("type", "\(a.productType.label(in: .account)) (\(a.productType.code))"),
            ("usage", ByteFormat.human(a.usageBytes) + (a.limitBytes.map { " of \(ByteFormat.human($0))" } ?? " (no limit)")),
            ("rate", row.rate.map(ByteFormat.rate) ?? "after the next poll"),
            ("to limit", row.secondsToLimit.map(TimeText.span) ?? "-"),
            ("password", context.ui.revealPassword ? a.password.revealed : a.password.masked + "  (p shows it)"), ("remark", a.remark),
            ("created", a.createdAt.map { TimeText.day($0, zone: context.zone) + " " + TimeText.clock($0, zone: context.zone) } ?? "-"),
        ]
        for pending in context.snapshot.pending[username] ?? [] {
            let when = TimeText.clock(pending.acceptedAt, zone: context.zone)
            fields.append(
                pending.unconfirmed
                    ? ("unconfirmed", "\(CommandText.summary(pending.command)), sent \(when), no answer: may have been applied")
                    : ("pending", "\(CommandText.summary(pending.command)), accepted \(when)"))
        }
        for (i, field) in fields.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(field.0, to: 10), x: inside.x, y: inside.y + i, role: .dim, clip: inside)
            buffer.put(field.1, x: inside.x + 11, y: inside.y + i, role: .dialog, clip: inside)
        }
        let chartTop = fields.count + 1
        guard inside.height > chartTop + 3 else { return }
        let chartArea = inside.rows(chartTop + 1, inside.height)
        if let flow = context.snapshot.accountFlow, flow.username == username {
            let days = Array(flow.days.suffix(context.ui.flowDays))
            buffer.put("Daily traffic, last \(days.count) days", x: inside.x, y: inside.y + chartTop, role: .accent, clip: inside)
            BarChart(values: days.map { ($0.day, $0.bytes) }).render(into: &buffer, area: chartArea)
        } else {
            buffer.put("Daily traffic: loading…", x: inside.x, y: inside.y + chartTop, role: .dim, clip: inside)
        }
    }
}

/// Enter on a static IP: every field the API returned, undocumented ones included.
enum StaticIPDetailOverlay {
    static func render(_ context: RenderContext, identity: String, area: Rect, into buffer: inout CellBuffer) {
        guard let ip = context.snapshot.staticIPs.value?.first(where: { $0.identity == identity }) else {
            let inside = Overlay.frame(title: "Static IP (Esc closes)", width: 60, height: 3, in: area, into: &buffer)
            buffer.put("This static IP is no longer listed.", x: inside.x, y: inside.y, role: .warning, clip: inside)
            return
        }
        guard case .object(let members) = ip.maskedRaw else { return }
        let inside = Overlay.frame(
            title: "Static IP \(ip.ip) · as the API sent it (Esc closes)", width: 72, height: members.count + 2, in: area,
            into: &buffer)
        let keyWidth = min(20, (members.map { DisplayWidth.columns($0.0) }.max() ?? 4) + 1)
        for (i, (key, value)) in members.enumerated() where i < inside.height {
            buffer.put(DisplayWidth.fit(key, to: keyWidth), x: inside.x, y: inside.y + i, role: .dim, clip: inside)
            buffer.put(value.displayText, x: inside.x + keyWidth + 1, y: inside.y + i, role: .dialog, clip: inside)
        }
    }
}
