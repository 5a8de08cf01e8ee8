import Foundation
import Monitor
import ProxyLiteAPI

/// Active, acknowledged and past alerts, newest first within each.
enum AlertsScreen {
    static func render(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let alerts = context.snapshot.alerts.all
        let active = context.snapshot.alerts.activeCount
        let note = context.snapshot.history.status.raisesAlerts ? "" : notRaising(context.snapshot.history.status)
        PaneTitle.render(
            UIText.alertsTitle(alerts.count) + (active > 0 ? UIText.alertsActive(active) : ""), note: note, area: area, into: &buffer)
        let tableArea = area.rows(1, area.height)
        if alerts.isEmpty {
            let lines = [
                UIText.alertsNone(), UIText.alertsHelp1(), UIText.alertsHelp2(), UIText.alertsHelp3(),
            ]
            for (i, line) in lines.enumerated() {
                buffer.put(line, x: tableArea.x + 1, y: tableArea.y + 1 + i, role: i == 0 ? .normal : .dim, clip: tableArea)
            }
            return
        }
        let columns = AlertsColumns.all
        let cellContext = ColumnContext.dashboard(context)
        PaneTable.table(columns.map(\.tableColumn), count: alerts.count, state: context.ui.alerts) { index in
            let alert = alerts[index]
            return PaneTable.row(
                alert, columns: columns, unreadable: UnreadableFields(), context: cellContext, role: AlertsColumns.role(alert.state))
        }.render(into: &buffer, area: tableArea)
    }

    /// Why this dashboard raises none itself.
    static func notRaising(_ status: HistoryStatus) -> String {
        switch status {
        case .reading: UIText.alertsReading()
        case .off: UIText.alertsOff()
        case .failed: UIText.alertsFailed()
        case .opening, .writing: ""
        }
    }
}
