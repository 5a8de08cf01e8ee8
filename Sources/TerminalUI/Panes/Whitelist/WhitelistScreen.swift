import Foundation
import Monitor
import ProxyLiteAPI

/// IPs allowed to use the proxies without a password (proxy-ip/list).
enum WhitelistScreen {
    static let columns: [TableColumn] = [
        TableColumn("IP", .flex(min: 17)), TableColumn("TYPE", .fixed(16)), TableColumn("REMARK", .flex(min: 10)),
        TableColumn("CREATED", .fixed(16)),
    ]

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.whitelist
        let ips = state.value ?? []
        let shown = context.lists.whitelist
        let marks = context.ui.whitelistMarks.isEmpty ? "" : "  \(context.ui.whitelistMarks.count) marked"
        let mine =
            context.ui.sshClientIP.map { ip in ips.contains { $0.ip == ip } ? "your IP \(ip) is listed" : "your IP \(ip) is not listed" }
            ?? ""
        let unreadable = UnreadableText.title(UnreadableText.count(ips) { $0.unreadable })
        guard
            let tableArea = PaneStatus.frame(
                "Whitelist \(ips.count)\(marks)\(unreadable)", note: mine, state: state, context: context, area: area,
                into: &buffer)
        else { return }
        if ips.isEmpty {
            buffer.put("No whitelisted IPs. a adds some.", x: tableArea.x + 1, y: tableArea.y + 1, role: .dim, clip: tableArea)
            return
        }
        Table(columns: columns, count: shown.count, selected: context.ui.whitelist.selected, offset: context.ui.whitelist.offset) { index in
            let ip = ips[shown[index]]
            let bad = ip.unreadable
            let created = ip.createdAt.map {
                TimeText.day($0, zone: context.zone) + " " + String(TimeText.clock($0, zone: context.zone).prefix(5))
            }
            return TableRow([
                Marks.cell(
                    ip.hasIdentity ? ip.ip : UnreadableText.mark, marked: ip.hasIdentity && context.ui.whitelistMarks.contains(ip.ip),
                    any: !context.ui.whitelistMarks.isEmpty),
                TableCell(UnreadableText.cell(ip.productType.label(in: WhitelistIP.productTypeSection), bad, "product_type")),
                TableCell(UnreadableText.cell(ip.remark, bad, "remark")),
                TableCell(UnreadableText.cell(created ?? "", bad, "created_at")),
            ])
        }.render(into: &buffer, area: tableArea)
    }
}
