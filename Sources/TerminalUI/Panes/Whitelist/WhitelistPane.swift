import Foundation
import Monitor
import ProxyLiteAPI

/// IPs allowed without a password: add, remove, mark.
enum WhitelistPane: Pane {
    static let tab = Tab.whitelist
    static let id = "whitelist"
    static let title = "Whitelist"
    static let shortTitle = "White"
    /// Packages too: whitelisting for type 11 names one.
    static let onDemand: [Resource] = [.whitelist, .packages]
    static var table: WritableKeyPath<UIState, TableState>? { \.whitelist }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.whitelist.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        WhitelistScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "add", "a", "add IPs", keys: chars("a"), footer: true, writes: true) { ui, input in
            ui.openWhitelistForm(input.snapshot)
        },
        .pane(
            tab, "remove", "D", "remove selected or marked", keys: chars("D"), footer: true, writes: true,
            refusal: { ui, input in ui.whitelistMarks.isEmpty ? RowIdentity.whitelisted(ui, input) : nil }
        ) { ui, input in
            ui.deleteWhitelisted(input.snapshot, input.lists, now: input.now)
        },
        .pane(
            tab, "mark", "Space * u", "mark / mark all shown / clear marks", keys: chars(" *u"),
            slots: ["mark", "mark all shown", "clear marks"],
            refusal: { ui, input in input.slot == 0 ? RowIdentity.whitelisted(ui, input) : nil }
        ) { ui, input in
            switch input.slot {
            case 0:
                if let ip = RowIdentity.focused(input.snapshot.whitelist.value, input.lists.whitelist, ui.whitelist.selected) {
                    if ui.whitelistMarks.remove(ip.ip) == nil { ui.whitelistMarks.insert(ip.ip) }
                    ui.move(1, input.lists)
                }
            case 1:
                let ips = input.snapshot.whitelist.value ?? []
                let shown = input.lists.whitelist.lazy.map { ips[$0] }.filter(\.hasIdentity).map(\.ip)
                ui.say(UIState.toggleAll(Array(shown), in: &ui.whitelistMarks), now: input.now)
            default: ui.clearListMarks(now: input.now)
            }
        },
        KeyAction("raw", "y", "raw record", keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.whitelisted) { ui, input in
            guard let ip = RowIdentity.focused(input.snapshot.whitelist.value, input.lists.whitelist, ui.whitelist.selected)
            else { return [] }
            return ui.inspect(.whitelistIP(ip.ip), now: input.now)
        },
    ]
}
