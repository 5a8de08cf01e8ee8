import Foundation
import Monitor

/// The line above a pane that shows a server query's answer: which filters, how many rows, how
/// to clear it. Without it a filtered list would pass for the whole one.
enum ServerQueryBanner {
    /// Draws the open pane, under the banner when its list is a server query's answer.
    static func renderPane(_ context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let pane = Panes.pane(context.ui.tab)
        guard let shown = context.ui.serverQueries.shown[context.ui.tab], area.height > 1 else {
            pane.render(context, area: area, into: &buffer)
            return
        }
        let line = area.rows(0, 1)
        buffer.fill(line, role: .warning)
        // The terms give way before the keys: a banner cut before "Esc clear" hides the way back.
        let keys = ServerQueryText.bannerKeys
        let room = max(0, line.width - DisplayWidth.columns(keys))
        _ = buffer.put(
            DisplayWidth.fit(DisplayWidth.truncate(ServerQueryText.bannerText(shown, zone: context.zone), to: room) + keys, to: line.width),
            x: line.x, y: line.y, role: .warning, clip: line)
        pane.render(context, area: area.rows(1, area.height), into: &buffer)
    }
}
