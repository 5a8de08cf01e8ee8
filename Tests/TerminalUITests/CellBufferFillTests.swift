import TerminalUI
import Testing

/// Found by the keystroke fuzz: an overlay's frame filled over the right half of a wide name in
/// the table behind it, leaving a two-column glyph in one column and the row a column too wide.
@Suite struct CellBufferFillTests {
    init() { DisplayWidth.prepareLocale() }

    func consistent(_ buffer: CellBuffer) -> Bool {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where DisplayWidth.columns(buffer[x, y].text) == 2 {
                if x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation { return false }
            }
        }
        return true
    }

    @Test func fillingOverTheRightHalfOfAWideGlyphBlanksItsLeftHalf() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("代理", x: 0, y: 0, role: .normal)
        buffer.fill(Rect(x: 3, y: 0, width: 4, height: 1), role: .dialog)
        #expect(consistent(buffer))
        #expect(buffer.line(0) == "代")
    }

    @Test func fillingOverTheLeftHalfOfAWideGlyphBlanksItsRightHalf() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("ab代理", x: 0, y: 0, role: .normal)
        buffer.fill(Rect(x: 0, y: 0, width: 3, height: 1), role: .dialog)
        #expect(consistent(buffer))
        #expect(buffer.line(0) == "    理")
    }
}
