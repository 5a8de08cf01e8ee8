import Foundation
import Monitor

/// Draws the open dialog over the panes. Pure, like every view.
enum DialogView {
    /// `guard` (the open dialog's) decides the key hint: until the dialog settles, y and Enter
    /// do nothing, and the hint says so instead of offering them.
    static func render(_ dialog: Dialog, guard settling: DialogGuard? = nil, area: Rect, into buffer: inout CellBuffer) {
        let keys = KeyHint(settling)
        switch dialog {
        case .confirm(let confirm): render(confirm, keys: keys, area: area, into: &buffer)
        case .typed(let typed): render(typed, keys: keys, area: area, into: &buffer)
        case .form(let form, _): render(form, keys: keys, area: area, into: &buffer)
        case .waiting(_, let title):
            let inside = Overlay.frame(title: UIText.dialogWorking(), width: 60, height: 5, in: area, into: &buffer)
            buffer.put(title, x: inside.x, y: inside.y, role: .pending, clip: inside)
            buffer.put(UIText.dialogWaitingHint(), x: inside.x, y: inside.y + 2, role: .dim, clip: inside)
        case .quit(let quit):
            let inside = Overlay.frame(title: UIText.dialogQuitTitle(), width: 64, height: 8, in: area, into: &buffer)
            keys.note.map { _ = buffer.put($0, x: inside.x, y: inside.y + 3, role: .warning, clip: inside) }
            buffer.put(
                quit.sending == 1 ? UIText.dialogQuitOne() : UIText.dialogQuitMany(quit.sending), x: inside.x, y: inside.y, role: .dialog,
                clip: inside)
            buffer.put(
                UIText.dialogQuitWarning(), x: inside.x, y: inside.y + 1, role: .warning,
                clip: inside)
            buttons(
                [UIText.buttonCancel(), UIText.buttonQuit()], focused: quit.quitFocused ? 1 : 0, y: inside.maxY - 2, inside: inside,
                into: &buffer)
            buffer.put(
                keys.text(UIText.dialogQuitKeys()), x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
        case .panePicker(let picker): render(picker, area: area, into: &buffer)
        case .profilePicker(let picker): ProfilePickerView.render(picker, area: area, into: &buffer)
        case .text(let text), .unsettledOrder(let text):
            let widest = max((text.lines.map { DisplayWidth.columns($0) }.max() ?? 0) + 6, DisplayWidth.columns(text.title) + 22)
            let width = min(area.width - 4, max(50, widest))
            let inside = Overlay.frame(
                title: text.title + UIText.dialogEscCloses(), width: width, height: text.lines.count + 2, in: area, into: &buffer)
            for (i, line) in text.lines.dropFirst(text.scroll).prefix(inside.height).enumerated() {
                buffer.put(line, x: inside.x, y: inside.y + i, role: .dialog, clip: inside)
            }
        }
    }

    static func render(_ picker: PanePicker, area: Rect, into buffer: inout CellBuffer) {
        let matches = picker.matches
        let inside = Overlay.frame(
            title: UIText.dialogGoToPane(), width: 44, height: min(area.height - 2, max(matches.count, 1) + 5), in: area, into: &buffer)
        let x = inside.x + buffer.put("› ", x: inside.x, y: inside.y, role: .accent, clip: inside)
        buffer.put(picker.query + "▏", x: x, y: inside.y, role: .input, clip: inside)
        if matches.isEmpty { buffer.put(UIText.dialogNoPaneMatches(), x: inside.x, y: inside.y + 2, role: .dim, clip: inside) }
        // Keep the chosen line in view on a short terminal.
        let rows = max(1, inside.height - 3)
        let first = max(0, min(picker.selected - rows + 1, matches.count - rows))
        for (i, tab) in matches.enumerated().dropFirst(first).prefix(rows) {
            let line = DisplayWidth.fit(" \(tab.rawValue) \(tab.title)", to: inside.width)
            buffer.put(line, x: inside.x, y: inside.y + 2 + i - first, role: i == picker.selected ? .selected : .dialog, clip: inside)
        }
        buffer.put(UIText.dialogPickerKeys(), x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
    }

    static func render(_ confirm: ConfirmDialog, keys: KeyHint, area: Rect, into buffer: inout CellBuffer) {
        let extra = (confirm.warning == nil ? 0 : 1) + (keys.note == nil ? 0 : 1) + 4
        let widest = (confirm.lines + [confirm.warning ?? "", keys.note ?? ""]).map { DisplayWidth.columns($0) }.max() ?? 0
        let heading = confirm.heading
        let width = min(area.width - 4, max(56, widest + 6, DisplayWidth.columns(heading) + 8))
        let inside = Overlay.frame(title: heading, width: width, height: confirm.lines.count + extra + 2, in: area, into: &buffer)
        var y = inside.y
        for line in confirm.lines where y < inside.maxY - 3 {
            buffer.put(line, x: inside.x, y: y, role: .dialog, clip: inside)
            y += 1
        }
        if let warning = confirm.warning {
            buffer.put(warning, x: inside.x, y: y, role: .warning, clip: inside)
            y += 1
        }
        if let note = keys.note { buffer.put(note, x: inside.x, y: y, role: .warning, clip: inside) }
        buttons(
            [UIText.buttonCancel(), confirm.confirmLabel], focused: confirm.confirmFocused ? 1 : 0, y: inside.maxY - 2, inside: inside,
            into: &buffer)
        buffer.put(
            keys.text(UIText.dialogConfirmKeys()), x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
    }

    static func render(_ typed: TypedConfirmation, keys: KeyHint, area: Rect, into buffer: inout CellBuffer) {
        let inside = Overlay.frame(title: typed.heading, width: min(area.width - 4, 72), height: 8, in: area, into: &buffer)
        buffer.put(typed.prompt, x: inside.x, y: inside.y, role: .warning, clip: inside)
        buffer.put("> ", x: inside.x, y: inside.y + 2, role: .accent, clip: inside)
        buffer.put(typed.text + "▏", x: inside.x + 2, y: inside.y + 2, role: .input, clip: inside)
        if let message = typed.message {
            buffer.put(message, x: inside.x, y: inside.y + 3, role: .error, clip: inside)
        } else if let note = keys.note {
            buffer.put(note, x: inside.x, y: inside.y + 3, role: .warning, clip: inside)
        }
        buffer.put(keys.text(UIText.dialogTypedKeys()), x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
    }

    static func render(_ form: FormState, keys: KeyHint, area: Rect, into buffer: inout CellBuffer) {
        let height = form.intro.count + form.fields.count + 7
        let inside = Overlay.frame(title: form.title, width: min(area.width - 4, 84), height: height, in: area, into: &buffer)
        var y = inside.y
        // On a short terminal the intro gives way to the fields, and the fields scroll with the focus.
        let roomForIntro = inside.height - 3 - form.fields.count - 1 >= form.intro.count
        for line in form.intro where roomForIntro {
            buffer.put(line, x: inside.x, y: y, role: .dim, clip: inside)
            y += 1
        }
        if !form.intro.isEmpty, roomForIntro { y += 1 }
        let rows = max(1, inside.maxY - 3 - y)
        let first =
            form.focus < form.fields.count ? max(0, min(form.focus - rows + 1, form.fields.count - rows)) : max(0, form.fields.count - rows)
        let labelWidth = min(18, (form.fields.map { DisplayWidth.columns($0.label) }.max() ?? 8) + 2)
        for (i, field) in form.fields.enumerated() where i >= first && y < inside.maxY - 3 {
            let focused = i == form.focus
            buffer.put(field.label, x: inside.x, y: y, role: focused ? .accent : .dim, clip: inside)
            let valueX = inside.x + labelWidth
            let valueWidth = max(8, min(40, inside.width - labelWidth - 2))
            let value = field.display(reveal: form.revealSecrets)
            let shown = focused && DisplayWidth.columns(value) >= valueWidth ? "…" + String(value.suffix(valueWidth - 2)) : value
            let valueArea = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            buffer.fill(valueArea, role: .input)
            buffer.put(shown + (focused && isText(field) ? "▏" : ""), x: valueX, y: y, role: .input, clip: valueArea)
            if focused, !field.hint.isEmpty, form.message == nil, keys.note == nil {
                // The hint goes on the message line, where it fits at any width.
                buffer.put(field.label + ": " + field.hint, x: inside.x, y: inside.maxY - 3, role: .dim, clip: inside)
            }
            y += 1
        }
        if let message = form.message {
            buffer.put(message, x: inside.x, y: inside.maxY - 3, role: .error, clip: inside)
        } else if let note = keys.note {
            buffer.put(note, x: inside.x, y: inside.maxY - 3, role: .warning, clip: inside)
        }
        let focusedButton = form.focus == form.cancelIndex ? 0 : form.focus == form.submitIndex ? 1 : -1
        buttons([UIText.buttonCancel(), form.submitLabel], focused: focusedButton, y: inside.maxY - 2, inside: inside, into: &buffer)
        buffer.put(
            keys.text(UIText.dialogFormKeys()), x: inside.x, y: inside.maxY - 1, role: .dim, clip: inside)
    }

    private static func isText(_ field: FormField) -> Bool {
        if case .text = field.kind { return true }
        return false
    }

    static func buttons(_ labels: [String], focused: Int, y: Int, inside: Rect, into buffer: inout CellBuffer) {
        var x = inside.x
        for (i, label) in labels.enumerated() {
            x += buffer.put("[ \(label) ]", x: x, y: y, role: i == focused ? .selected : .dialog, clip: inside) + 2
        }
    }
}

/// The bottom line of a dialog, which waits for it to settle before offering y and Enter, and
/// the note about keys it dropped.
struct KeyHint {
    var settling: Bool
    var note: String?

    init(_ guarding: DialogGuard?) {
        settling = guarding.map { !$0.armed } ?? false
        note = guarding?.note
    }

    func text(_ keys: String) -> String { settling ? UIText.dialogSettling() : keys }
}
