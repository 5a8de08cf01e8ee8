import Foundation
import Monitor
import TerminalUI

/// The whole dashboard for `snapshot` and `ui` at a fixed time and zone, as the loop would draw it.
func renderDashboard(_ snapshot: Snapshot, _ ui: UIState, now: Date, width: Int, height: Int) -> CellBuffer {
    var ui = ui
    let lists = VisibleLists.compute(snapshot, ui)
    ui.clamp(lists, bodyRows: ScreenLayout(width: width, height: height).body.height)
    let context = RenderContext(snapshot: snapshot, ui: ui, lists: lists, now: now, zone: TimeZone(identifier: "UTC")!)
    return DashboardScreen.render(context, width: width, height: height)
}
