import Foundation
import Monitor
import ProxyLiteAPI

/// Daily traffic: the whole account's, or the focused sub-account's.
enum FlowPane: Pane {
    static let tab = Tab.flow
    static let id = "flow"
    static let title = "Flow"
    /// The arrows choose the sub-account in the accounts table, which this pane does not show.
    static var table: WritableKeyPath<UIState, TableState>? { \.accounts }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.accounts.count }
    static let rowsClickable = false

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        FlowScreen.render(context, area: area, into: &buffer)
    }

    static let keys: [KeyAction] = [
        .pane(tab, "days", "[ ]", .key(.keyFlowDays), keys: chars("[]"), slots: ["shorter", "longer"], footer: true) { ui, input in
            if input.slot == 0 {
                ui.flowDays = ui.flowDays == 90 ? 30 : 7
            } else {
                ui.flowDays = ui.flowDays == 7 ? 30 : 90
            }
        },
        // Overrides the global move: here it changes whose traffic is shown.
        KeyAction(
            "choose", "↑↓", .key(.keyChooseAccount), keys: [.up, .down], slots: ["previous", "next"], scope: .pane(tab), footer: true,
            overrides: ["move"]
        ) {
            ui, input in
            ui.move(input.slot == 0 ? -1 : 1, input.lists)
            return ui.focusEffect(input.snapshot, input.lists)
        },
        KeyAction("raw", "y", .key(.keyRawAccount), keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.account) {
            ui, input in
            guard let row = ui.focusedAccount(input.snapshot, input.lists) else { return [] }
            return ui.inspect(.account(username: row.account.username), on: input.snapshot, now: input.now)
        },
        ServerQueryKeys.query(tab),
        ServerQueryKeys.clear(tab),
    ]
}
