import Foundation
import Monitor
import ProxyLiteAPI

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
