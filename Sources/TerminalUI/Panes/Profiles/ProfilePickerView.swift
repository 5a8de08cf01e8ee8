import Foundation
import Monitor

/// The profile picker over the panes: each name in its colour, the one on screen marked.
enum ProfilePickerView {
    static func render(_ picker: ProfilePicker, area: Rect, into buffer: inout CellBuffer) {
        let names = picker.entries.map { ProfileName.text($0.name) }
        let widest = names.map { DisplayWidth.columns($0) }.max() ?? 0
        let hint = UIText.profilePickerKeys()
        let width = min(area.width - 4, max(DisplayWidth.columns(hint) + 4, widest + 20))
        let inside = Overlay.frame(
            title: UIText.profilePickerTitle(), width: width, height: min(area.height - 2, max(picker.entries.count, 1) + 5), in: area,
            into: &buffer)
        let x = inside.x + buffer.put("› ", x: inside.x, y: inside.y, role: .accent, clip: inside)
        buffer.put(picker.typed + "▏", x: x, y: inside.y, role: .input, clip: inside)
        if !picker.typedMatches {
            buffer.put(
                UIText.profilePickerNone(picker.typed), x: x + DisplayWidth.columns(picker.typed) + 1, y: inside.y, role: .dim,
                clip: inside)
        }
        // Keep the chosen line in view on a short terminal.
        let rows = max(1, inside.height - 3)
        let first = max(0, min(picker.selected - rows + 1, picker.entries.count - rows))
        for (i, entry) in picker.entries.enumerated().dropFirst(first).prefix(rows) {
            let y = inside.y + 2 + i - first
            let chosen = i == picker.selected
            let line = Rect(x: inside.x, y: y, width: inside.width, height: 1)
            if chosen { buffer.fill(line, role: .selected) }
            var at =
                inside.x
                + buffer.put(entry.name == picker.active ? "▸ " : "  ", x: inside.x, y: y, role: chosen ? .selected : .accent, clip: line)
            at += buffer.put(
                names[i], x: at, y: y, role: chosen ? .selected : ProfileName.role(entry.colour, fallback: .dialog), clip: line)
            let notes = [entry.readOnly ? UIText.noteReadOnly() : nil, entry.name == picker.active ? UIText.noteShown() : nil].compactMap {
                $0
            }
            if !notes.isEmpty {
                buffer.put("  " + notes.joined(separator: " · "), x: at, y: y, role: chosen ? .selected : .dim, clip: line)
            }
        }
        buffer.put(hint, x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
    }
}
