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
        .pane(tab, "add", "a", .key(.keyAddIPs), keys: chars("a"), footer: true, writes: true) { ui, input in
            ui.openWhitelistForm(input.snapshot)
        },
        .pane(
            tab, "remove", "D", .key(.keyRemoveIPs), keys: chars("D"), footer: true, writes: true,
            refusal: { ui, input in ui.whitelistMarks.isEmpty ? RowIdentity.whitelisted(ui, input) : nil }
        ) { ui, input in
            ui.deleteWhitelisted(input.snapshot, input.lists, now: input.now)
        },
        .marks(
            tab, in: \UIState.whitelistMarks, refusal: RowIdentity.whitelisted,
            focused: { ui, input in
                RowIdentity.focused(input.snapshot.whitelist.value, input.lists.whitelist, ui.whitelist.selected)?.ip
            },
            shown: { input in
                let ips = input.snapshot.whitelist.value ?? []
                return input.lists.whitelist.map { ips[$0] }.filter(\.hasIdentity).map(\.ip)
            },
            clear: { ui, now in ui.clearListMarks(now: now) }),
        KeyAction("raw", "y", .key(.keyRawRecord), keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.whitelisted) { ui, input in
            guard let ip = RowIdentity.focused(input.snapshot.whitelist.value, input.lists.whitelist, ui.whitelist.selected)
            else { return [] }
            return ui.inspect(.whitelistIP(ip.ip), on: input.snapshot, now: input.now)
        },
    ]
}
