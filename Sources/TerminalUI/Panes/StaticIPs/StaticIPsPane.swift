import Foundation
import Monitor
import ProxyLiteAPI

/// Static IPs and when they expire; filter, details, marks and renewal prices.
enum StaticIPsPane: Pane {
    static let tab = Tab.staticIPs
    static let id = "static-ips"
    static let title = "Static IPs"
    static let shortTitle = "IPs"
    /// The catalogue: the renewal product and the payment methods.
    static let onDemand: [Resource] = [.catalogue]
    static var table: WritableKeyPath<UIState, TableState>? { \.staticIPs }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.staticIPs.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        StaticIPsScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "filter", "/", .key(.keyFilterIPs), keys: chars("/"), footer: true) { ui, _ in
            ui.prompt = UIState.FilterPrompt(tab: .staticIPs, text: ui.staticIPFilter, previous: ui.staticIPFilter)
        },
        .pane(tab, "clear-filter", "Esc", .key(.keyClearIPFilter), keys: [.escape]) { ui, input in
            if ui.clearServerQuery(tab, now: input.now) { return }
            guard !ui.staticIPFilter.isEmpty else { return }
            ui.staticIPFilter = ""
            ui.say(UIText.filterCleared(), now: input.now)
        },
        .pane(tab, "details", "Enter y", .key(.keyEveryField), keys: [.enter, .character("y")], footer: true) { ui, input in
            if let ip = RowIdentity.focused(input.snapshot.staticIPs.value, input.lists.staticIPs, ui.staticIPs.selected) {
                ui.overlay = .staticIPDetail(identity: ip.identity)
            }
        },
        .marks(
            tab, in: \UIState.ipMarks, refusal: RowIdentity.staticIP,
            focused: { ui, input in
                RowIdentity.focused(input.snapshot.staticIPs.value, input.lists.staticIPs, ui.staticIPs.selected)?.identity
            },
            shown: { input in
                let ips = input.snapshot.staticIPs.value ?? []
                return input.lists.staticIPs.map { ips[$0] }.filter(\.hasIdentity).map(\.identity)
            },
            clear: { ui, now in ui.clearListMarks(now: now) }),
        // Only a price preview (order/check creates nothing): allowed read-only; the order step after it is not.
        .pane(
            tab, "renew", "R", .key(.keyRenewIPs), keys: chars("R"), footer: true,
            refusal: { ui, input in ui.ipMarks.isEmpty ? RowIdentity.staticIP(ui, input) : nil }
        ) { ui, input in
            ui.openRenewal(input.snapshot, input.lists, now: input.now)
        },
        ServerQueryKeys.query(tab),
    ]
}
