/// A framed box drawn over the screen, for help, details and messages.
public enum Overlay {
    /// A centred box of at most `width`×`height` inside `area`, framed, with `title`; returns its inside.
    @discardableResult
    public static func frame(title: String, width: Int, height: Int, in area: Rect, into buffer: inout CellBuffer) -> Rect {
        let w = min(width, area.width)
        let h = min(height, area.height)
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        guard w >= 4, h >= 3 else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
        buffer.fill(box, role: .dialog)
        buffer.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: box.x, y: box.y, role: .border)
        for row in 1..<(h - 1) {
            buffer.put("│", x: box.x, y: box.y + row, role: .border)
            buffer.put("│", x: box.maxX - 1, y: box.y + row, role: .border)
        }
        buffer.put("└" + String(repeating: "─", count: w - 2) + "┘", x: box.x, y: box.maxY - 1, role: .border)
        let label = " " + DisplayWidth.truncate(title, to: max(0, w - 6)) + " "
        buffer.put(label, x: box.x + 2, y: box.y, role: .title)
        return Rect(x: box.x + 2, y: box.y + 1, width: w - 4, height: h - 2)
    }
}
