/// Terminals without bracketed paste deliver a paste as ordinary key presses, so a pasted list of
/// lines would arrive as text with Enter between the lines, and Enter submits or moves on. Keys
/// read in one batch are a paste when Enter is followed by more text in the same batch; such an
/// Enter becomes a newline character, which list fields take as a separator. Only while a list
/// field has the focus (`UIState.takesPastedLines`): elsewhere an Enter typed fast, before the
/// next key, is an Enter (it used to be lost in a confirmation answered with Enter and then `r`).
public enum PastedText {
    public static func newlines(in keys: [Key]) -> [Key] {
        guard keys.count > 1 else { return keys }
        var result = keys
        for i in keys.indices.dropLast() where keys[i] == .enter {
            if case .character = keys[i + 1] { result[i] = .character("\n") }
        }
        return result
    }
}
