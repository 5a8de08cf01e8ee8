/// The first line of a pane: its name with counts, and notes on the right.
enum PaneTitle {
    static func render(_ title: String, note: String = "", stale: String? = nil, area: Rect, into buffer: inout CellBuffer) {
        let row = area.rows(0, 1)
        var x = row.x + buffer.put(" " + title, x: row.x, y: row.y, role: .title, clip: row)
        if let stale { x += buffer.put("  " + stale, x: x, y: row.y, role: .statusStale, clip: row) }
        if !note.isEmpty {
            let text = DisplayWidth.truncate(note, to: max(0, row.maxX - x - 2))
            buffer.put(text, x: row.maxX - DisplayWidth.columns(text) - 1, y: row.y, role: .dim, clip: row)
        }
    }
}
