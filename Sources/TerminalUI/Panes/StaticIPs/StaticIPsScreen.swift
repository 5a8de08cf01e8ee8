import Foundation
import Monitor
import ProxyLiteAPI

/// Purchased static IPs with expiry; those expiring within 7 days stand out.
enum StaticIPsScreen {
    static let columns: [TableColumn] = [
        TableColumn("IP", .flex(min: 15)), TableColumn("PORT", .fixed(5), .right), TableColumn("CC", .fixed(2)),
        TableColumn("CITY", .flex(min: 8)), TableColumn("STATUS", .fixed(11)), TableColumn("TYPE", .flex(min: 10)),
        TableColumn("EXPIRES", .fixed(10)), TableColumn("DAYS", .fixed(5), .right), TableColumn("TRADE NO", .flex(min: 8)),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.staticIPs
        let ips = state.value ?? []
        let shown = context.lists.staticIPs
        let expiring = ips.filter { ($0.expiresAt.map { $0.timeIntervalSince(context.now) } ?? -1).isBetween(0, 7 * 86_400) }.count
        let filter =
            (context.ui.staticIPFilter.isEmpty ? "" : "  filter “\(context.ui.staticIPFilter)”")
            + (context.ui.ipMarks.isEmpty ? "" : "  \(context.ui.ipMarks.count) marked")
        guard
            let tableArea = PaneStatus.frame(
                "Static IPs \(shown.count) / \(ips.count)\(filter)\(UnreadableText.title(UnreadableText.count(ips) { $0.unreadable }))",
                note: "\(expiring) expire within 7 days", state: state,
                context: context, area: area, into: &buffer)
        else { return }
        Table(columns: columns, count: shown.count, selected: context.ui.staticIPs.selected, offset: context.ui.staticIPs.offset) {
            row(ips[shown[$0]], context: context)
        }.render(into: &buffer, area: tableArea)
    }

    static func row(_ ip: StaticIP, context: RenderContext) -> TableRow {
        let days = ip.expiresAt.flatMap { $0.isNever ? nil : Int(clamping: ($0.timeIntervalSince(context.now) / 86_400).rounded(.down)) }
        let statusRole: ColorRole
        switch ip.status {
        case .valid: statusRole = .good
        case .expiringSoon: statusRole = .warning
        case .invalid: statusRole = .error
        default: statusRole = .dim
        }
        let soon = days.map { $0 >= 0 && $0 <= 7 } ?? false
        let bad = ip.unreadable
        let expiry = UnreadableText.cell(ip.expiresAt.map { TimeText.day($0, zone: context.zone) } ?? "", bad, "expired_at", "expire_at")
        let daysText = ip.expiresAt?.isNever == true ? "never" : days.map(String.init) ?? ""
        return TableRow(
            [
                Marks.cell(
                    ip.hasIdentity ? ip.ip : UnreadableText.mark, marked: ip.hasIdentity && context.ui.ipMarks.contains(ip.identity),
                    any: !context.ui.ipMarks.isEmpty),
                TableCell(UnreadableText.cell(ip.port.map(String.init) ?? "", bad, "port")),
                TableCell(UnreadableText.cell(ip.countryCode, bad, "country_code", "country")),
                TableCell(UnreadableText.cell(ip.city ?? "", bad, "city")),
                TableCell(UnreadableText.cell(ip.status?.description ?? "?", bad, "status"), statusRole),
                TableCell(UnreadableText.cell(ip.typeLabel ?? "", bad, "product_type")),
                TableCell(expiry, soon ? .warning : nil),
                TableCell(UnreadableText.cell(daysText, bad, "expired_at", "expire_at"), soon ? .warning : (days ?? 0) < 0 ? .error : nil),
                TableCell(UnreadableText.cell(ip.tradeNo ?? "", bad, "trade_no")),
            ], role: (days ?? 1) < 0 ? .dim : .normal)
    }
}

extension Double {
    func isBetween(_ low: Double, _ high: Double) -> Bool { self >= low && self <= high }
}
