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
        .pane(tab, "filter", "/", .key(.keyFilter), keys: chars("/"), footer: true) { ui, _ in
            ui.prompt = UIState.FilterPrompt(tab: .accounts, text: ui.accountFilter, previous: ui.accountFilter)
        },
        .pane(tab, "clear-filter", "Esc", .key(.keyClearFilter), keys: [.escape]) { ui, input in
            guard !ui.accountFilter.isEmpty else { return }
            ui.accountFilter = ""
            ui.say(UIText.filterCleared(), now: input.now)
        },
        .pane(tab, "sort", "s", .key(.keySort), keys: chars("s"), footer: true) { ui, input in
            var next = ui.accountSort.column
            // The next column (wrapping); the 24-hour trend only when it is shown, for history has
            // series only for the rows it shows.
            repeat {
                next = AccountColumn(rawValue: (next.rawValue + 1) % AccountColumn.allCases.count)!
            } while next == .trend
                && !ui.accountColumns.contains(.trend)
            ui.accountSort = AccountSort(column: next)
            ui.say(UIText.accountsSorted(next.sortLabel, ui.accountSort.descending ? "↓" : "↑"), now: input.now)
        },
        .pane(tab, "reverse-sort", "S", .key(.keyReverseSort), keys: chars("S"), footer: true) { ui, input in
            ui.accountSort.descending.toggle()
            ui.say(UIText.accountsSorted(ui.accountSort.column.sortLabel, ui.accountSort.descending ? "↓" : "↑"), now: input.now)
        },
        KeyAction("details", "Enter", .key(.keyAccountDetails), keys: [.enter], scope: .pane(tab)) {
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
                ui.say(UIText.marksCleared(), now: now)
            }),
        .pane(tab, "add", "a", .key(.keyAddAccounts), keys: chars("a"), footer: true, writes: true) { ui, input in
            ui.openAddForm(snapshot: input.snapshot)
        },
        .pane(tab, "enable", "e", .key(.keyEnable), keys: chars("e"), footer: true, writes: true, refusal: focusedUnlessMarked) {
            ui, input in ui.setEnabled(true, snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "disable", "d", .key(.keyDisable), keys: chars("d"), footer: true, writes: true, refusal: focusedUnlessMarked) {
            ui, input in ui.setEnabled(false, snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "delete", "D", .key(.keyDelete), keys: chars("D"), writes: true, refusal: focusedUnlessMarked) { ui, input in
            ui.deleteAccounts(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(tab, "limit", "l", .key(.keyLimit), keys: chars("l"), footer: true, writes: true, refusal: focusedUnlessMarked) { ui, input in
            ui.openLimitForm(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        .pane(
            tab, "change", "c", .key(.keyChange), keys: chars("c"), writes: true, refusal: focusedUnlessMarked
        ) { ui, input in
            ui.openEditForm(snapshot: input.snapshot, lists: input.lists, now: input.now)
        },
        KeyAction(
            "raw", "y", .key(.keyRaw), keys: chars("y"), scope: .pane(tab), refusal: RowIdentity.account
        ) { ui, input in
            guard let row = ui.focusedAccount(input.snapshot, input.lists) else { return [] }
            return ui.inspect(.account(username: row.account.username), on: input.snapshot, now: input.now)
        },
    ]
}
