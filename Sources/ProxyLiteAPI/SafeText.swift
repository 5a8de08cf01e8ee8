/// Text from the API or the provider, made safe for a place that would otherwise obey it: a
/// terminal (escape sequences), a log (one entry a line), a person comparing names (characters that
/// reorder or hide text).
public enum SafeText {
    /// C0 controls (tab and newline included), DEL and C1 controls written as `\u{…}`, so that
    /// nothing the provider sends can move a cursor, clear a screen or start a new log line.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Controls escaped as above, and characters that change how a name reads without being seen
    /// (bidirectional overrides and isolates, zero-width spaces and marks) written out the same
    /// way, so that one account cannot pose as another.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isInvisible($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) || isInvisible(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Bidi embeddings, overrides, isolates and marks; zero-width spaces, non-joiners, word
    /// joiners and the byte-order mark. (The zero-width joiner is left alone: emoji need it.)
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x180E:
            return true
        default:
            return false
        }
    }

    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
