import Foundation
import Monitor
import ProxyLiteAPI

/// One row per watched profile; the one on screen is marked.
enum ProfilesScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let rows = ProfilesPane.rows(context.snapshot, now: context.now)
        let problems = rows.filter { row in
            switch row.connection {
            case .offline, .stopped: true
            case .connecting, .live, .stale: false
            }
        }.count
        let title = UIText.profilesTitle(rows.count) + (problems > 0 ? UIText.profilesNotPolling(problems) : "")
        let pick = GlobalKeys.all.first { $0.id == "pick-profile" }.map { context.ui.keyMap.label($0) } ?? "P"
        PaneTitle.render(
            title, note: UIText.profilesNote(pick),
            area: area, into: &buffer)
        let columns = ProfilesColumns.all
        let cellContext = ColumnContext.dashboard(context)
        PaneTable.table(columns.map(\.tableColumn), count: rows.count, state: context.ui.profiles) { index in
            PaneTable.row(rows[index], columns: columns, unreadable: UnreadableFields(), context: cellContext)
        }.render(into: &buffer, area: area.rows(1, area.height))
    }
}
