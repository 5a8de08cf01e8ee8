import Foundation
import Monitor
import ProxyLiteAPI

/// Sub-accounts: usage, limits, rates; filter, sort, mark, and every account change.
enum AccountsPane: Pane {
    static let tab = Tab.accounts
    static let id = "accounts"
    static let title = "Accounts"
    static let shortTitle = "Accts"
    static var table: WritableKeyPath<UIState, TableState>? { \.accounts }
    static func rowCount(_ lists: VisibleLists) -> Int { lists.accounts.count }

    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        AccountsScreen.render(context, area: area, into: &buffer)
    }

    /// Marks only ever hold readable names; without marks an action takes the focused row.
    private static let focusedUnlessMarked: @Sendable (UIState, KeyInput) -> String? = { ui, input in
        ui.accountMarks.isEmpty ? RowIdentity.account(ui, input) : nil
    }

    static let keys: [KeyAction] = [
        .pane(tab, "filter", "/", "filter", keys: chars("/"), footer: true) { ui, _ in
            ui.prompt = UIState.FilterPrompt(tab: .accounts, text: ui.accountFilter, previous: ui.accountFilter)
        },
        .pane(tab, "clear-filter", "Esc", "clear filter", keys: [.escape]) { ui, input in
            guard !ui.accountFilter.isEmpty else { return }
            ui.accountFilter = ""
            ui.say("Filter cleared", now: input.now)
        },
        .pane(tab, "sort", "s", "sort by next column", keys: chars("s"), footer: true) { ui, input in
            var next = ui.accountSort.column
            // The next column (wrapping); the 24-hour trend only when it is shown, for history has
            // series only for the rows it shows.
            repeat {
                next = AccountColumn(rawValue: (next.rawValue + 1) % AccountColumn.allCases.count)!
            } while next == .trend
                && !ui.accountColumns.contains(.trend)
            ui.accountSort = AccountSort(column: next)
            ui.say("Sorted by \(next.title) \(ui.accountSort.descending ? "↓" : "↑")", now: input.now)
        },
        .pane(tab, "reverse-sort", "S", "reverse sort", keys: chars("S"), footer: true) { ui, input in
            ui.accountSort.descending.toggle()
            ui.say("Sorted by \(ui.accountSort.column.title) \(ui.accountSort.descending ? "↓" : "↑")", now: input.now)
        },
        KeyAction("details", "Enter", "account details (p there shows the password, w 24 h / 7 d)", keys: [.enter], scope: .pane(tab)) {
            ui, input in
            guard let row = ui.focusedAccount(input.snapshot, input.lists) else { return [] }
            ui.overlay = .accountDetail(username: row.account.username)
            return [.showFlow(row.account.username)]
        },
        .marks(
            tab, in: \UIState.accountMarks, refusal: RowIdentity.account,
            focused: { ui, input in ui.focusedAccount(input.snapshot, input.lists)?.account.username },
            shown: { input in
                let rows = input.snapshot.accounts.value ?? []
                return input.lists.accounts.map { rows[$0].account }.filter(\.hasIdentity).map(\.username)
            },
            clear: { ui, now in
                ui.accountMarks.removeAll()
                ui.say("Marks cleared.", now: now)
            }),
        .pane(tab, "add", "a", "add sub-accounts", keys: chars("a"), footer: true, writes: true) { ui, input in
            ui.openAddForm(snapshot: input.snapshot)
        },
        .pane(tab, "enable", "e", "enable selected or marked", keys: chars("e"), footer: true, writes: true, refusal: focusedUnlessMarked) {
            ui, input in ui.setEnabled(true, snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "disable", "d", "disable selected or marked", keys: chars("d"), footer: true, writes: true, refusal: focusedUnlessMarked)
        {
            ui, input in ui.setEnabled(false, snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "delete", "D", "delete selected or marked", keys: chars("D"), writes: true, refusal: focusedUnlessMarked) { ui, input in
            ui.deleteAccounts(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "limit", "l", "change limit", keys: chars("l"), footer: true, writes: true, refusal: focusedUnlessMarked) { ui, input in
            ui.openLimitForm(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(
            tab, "change", "c", "change password, remark, limits, UDP", keys: chars("c"), writes: true, refusal: focusedUnlessMarked
        ) { ui, input in
            ui.openEditForm(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        KeyAction(
            "raw", "y", "raw record as the API sends it", keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.account
        ) { ui, input in
            guard let row = ui.focusedAccount(input.snapshot, input.lists) else { return [] }
            return ui.inspect(.account(username: row.account.username), on: input.snapshot, now: input.now)
        },
    ]
}
