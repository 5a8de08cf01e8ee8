import CTextWidth
import ProxyLiteAPI

/// Column arithmetic that agrees with what ncurses draws: glibc `wcwidth`, one scalar at a time.
///
/// `String.count` counts graphemes, not columns: `代理账户` is 4 characters and 8 columns. Zero-width
/// joiners and emoji variation selectors are dropped before display (`displaySafe`), because
/// terminals disagree about how wide such sequences are and the rest of the row would shift.
public enum DisplayWidth {
    /// Call once before measuring: wcwidth answers -1 for everything outside a UTF-8 locale.
    @discardableResult
    public static func prepareLocale() -> Bool { ctw_ensure_utf8_ctype() == 1 }

    /// Columns one scalar takes: 0 for combining marks, 2 for wide glyphs; control characters take 0
    /// here because `displaySafe` replaces them before drawing.
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }  // a control becomes one space
        if (0x7F..<0xA0).contains(scalar.value) { return 1 }
        if SafeText.isInvisible(scalar) { return SafeText.escape(scalar).count }
        return max(0, Int(ctw_wcwidth(scalar.value)))
    }

    public static func columns(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += columns(scalar) }
        return total
    }

    /// `text` with what terminals disagree on removed: ZWJ, variation selectors, control characters
    /// (a tab or newline from the API would break the row) become nothing or a space. Bidi
    /// overrides and zero-width characters are written out (`\u{202E}`), wherever text is drawn,
    /// confirmations included, so that a name cannot reorder itself or hide a difference.
    public static func displaySafe(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x200D, 0xFE0E, 0xFE0F: continue
            case 0x00..<0x20, 0x7F..<0xA0: scalars.append(" ")
            default:
                if SafeText.isInvisible(scalar) {
                    scalars.append(contentsOf: SafeText.escape(scalar).unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut. A wide glyph that would be
    /// split is left out rather than halved.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if columns(text) <= width { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = columns(scalar)
            if used + w > width - 1 { break }
            result.append(scalar)
            used += w
        }
        return String(result) + "…"
    }

    public enum Alignment: Sendable { case left, right }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let cut = truncate(text, to: width)
        let pad = max(0, width - columns(cut))
        let spaces = String(repeating: " ", count: pad)
        return alignment == .left ? cut + spaces : spaces + cut
    }
}
