import Foundation
import Monitor
import ProxyLiteAPI

/// Sub-accounts with usage, limit, a usage gauge, burn rate and projected time to the limit.
enum AccountsScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let state = context.snapshot.accounts
        let rows = state.value ?? []
        let shown = context.lists.accounts
        let filter = context.ui.accountFilter.isEmpty ? "" : UIText.accountsFilter(context.ui.accountFilter)
        let sort = UIText.accountsSort(context.ui.accountSort.column.sortLabel, context.ui.accountSort.descending ? "↓" : "↑")
        let marks = context.ui.accountMarks.isEmpty ? "" : UIText.accountsMarked(context.ui.accountMarks.count)
        let pending = context.snapshot.pending.isEmpty ? "" : UIText.accountsPending(context.snapshot.pending.count)
        let unreadable = UnreadableText.title(UnreadableText.count(rows) { $0.account.unreadable })
        guard
            let tableArea = PaneStatus.frame(
                UIText.accountsTitle(shown.count, rows.count) + filter + marks + pending + unreadable,
                note: sort + UIText.accountsLag(),
                state: state,
                context: context, area: area, into: &buffer)
        else { return }
        let columns = context.ui.accountColumns.map(AccountsColumns.column)
        let cellContext = ColumnContext.dashboard(context)
        let table = PaneTable.table(columns.map(\.tableColumn), count: shown.count, state: context.ui.accounts) { index in
            row(rows[shown[index]], columns: columns, context: context, cellContext: cellContext)
        }
        table.render(into: &buffer, area: tableArea)
        PaneTable.drawGauges(
            table, columns: columns, rows: { rows[shown[$0]] }, unreadable: AccountsColumns.unreadable, area: tableArea, into: &buffer)
    }

    static func row(_ row: AccountRow, columns: [PaneColumn<AccountRow>], context: RenderContext, cellContext: ColumnContext) -> TableRow {
        let a = row.account
        let mark = PaneTable.Mark(
            column: "username", marked: a.hasIdentity && context.ui.accountMarks.contains(a.username), any: !context.ui.accountMarks.isEmpty
        )
        return PaneTable.row(
            row, columns: columns, unreadable: a.unreadable, context: cellContext, role: a.isEnabled ? .normal : .dim, mark: mark)
    }
}
