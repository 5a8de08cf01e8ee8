import Foundation
import Monitor

/// A bracketed paste is text, never keys: it goes into the focused text field (a form field or
/// the filter prompt) and nowhere else. Aimed at a table, a button or a confirmation it is
/// dropped and the flash line says so: no pasted letter can act as a key there.
extension UIState {
    /// More than any field takes (the longest holds 4000): the rest of a huge paste is not walked.
    static let pasteLimit = 4096

    mutating func handlePaste(_ pasted: String, snapshot: Snapshot, lists: VisibleLists, bodyRows: Int, now: Date) -> [Effect] {
        // Line ends as a list field takes them (as `PastedText` does for unbracketed pastes); a
        // trailing one is dropped, so that a paste never moves on or presses a button.
        var text = pasted.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while text.last?.isNewline == true { text.removeLast() }
        if case .form(let form, _) = dialog, form.focus < form.fields.count, case .text = form.fields[form.focus].kind {
            var effects: [Effect] = []
            for c in text.prefix(Self.pasteLimit) {
                effects += handleDialog(.character(c), snapshot: snapshot, bodyRows: bodyRows, now: now)
            }
            return effects
        }
        if dialog == nil, overlay == .none, prompt != nil {
            // A filter is one line: pasted lines are joined by spaces.
            for c in text.prefix(Self.pasteLimit) {
                _ = handlePrompt(.character(c.isNewline ? " " : c), now: now, lists: lists, snapshot: snapshot)
            }
            return []
        }
        if case .typed = dialog {
            say(UIText.pasteTyped(), role: .warning, now: now)
        } else {
            say(UIText.pasteNoField(), role: .warning, now: now)
        }
        return []
    }
}

extension UIState {
    /// Whether the focused field takes a list, one item per line (IPs, user:pass pairs): only
    /// there can Enter inside a batch of keys be part of a paste.
    public var takesPastedLines: Bool {
        guard case .form(let form, _) = dialog, form.focus < form.fields.count,
            case .text(let rule, _, _) = form.fields[form.focus].kind
        else { return false }
        return rule == .ipList || rule == .accountPairs
    }
}
