import TerminalUI
import Testing

@Suite struct CellBufferTests {
    init() { DisplayWidth.prepareLocale() }

    @Test func wideGlyphsTakeTwoCells() {
        var buffer = CellBuffer(width: 10, height: 1)
        let used = buffer.put("代理ab", x: 1, y: 0, role: .normal)
        #expect(used == 6)
        #expect(buffer.lines == [" 代理ab   "])
        #expect(buffer[2, 0].isContinuation && !buffer[1, 0].isContinuation)
    }

    @Test func aWideGlyphThatDoesNotFitBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.put("abcd代", x: 0, y: 0, role: .normal)
        #expect(buffer.lines == ["abcd "])
    }

    @Test func clippingKeepsTextInsideItsRect() {
        var buffer = CellBuffer(width: 8, height: 2)
        buffer.put("0123456789", x: 2, y: 1, role: .accent, clip: Rect(x: 2, y: 1, width: 4, height: 1))
        #expect(buffer.lines == ["        ", "  0123  "])
        #expect(buffer.role(2, 1) == .accent && buffer.role(6, 1) == .normal)
        buffer.put("outside", x: 0, y: 5, role: .normal)  // off the buffer: ignored
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("代理", x: 0, y: 0, role: .normal)
        buffer.put("x", x: 1, y: 0, role: .normal)
        #expect(buffer.lines == [" x理  "])
    }

    @Test func emojiSequencesAreFlattened() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("👍\u{FE0F}ok", x: 0, y: 0, role: .normal)
        #expect(buffer.lines == ["👍ok    "])
    }
}

@Suite struct TableTests {
    init() { DisplayWidth.prepareLocale() }

    func table(_ count: Int, selected: Int? = nil, offset: Int = 0) -> Table {
        Table(
            columns: [TableColumn("NAME", .flex(min: 4)), TableColumn("N", .fixed(3), .right)], count: count,
            selected: selected, offset: offset
        ) { TableRow([TableCell(["alpha", "代理账户", "c"][$0 % 3]), TableCell(String($0))]) }
    }

    @Test func exactFit() {
        var buffer = CellBuffer(width: 12, height: 4)
        table(3).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines == ["NAME       N", "alpha      0", "代理账户   1", "c          2"])
        #expect(buffer.role(0, 0) == .tableHeader)
    }

    @Test func oneColumnShortTruncatesWithAnEllipsis() {
        var buffer = CellBuffer(width: 8, height: 3)
        table(3).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines == ["NAME   N", "alp…   0", "代…    1"])
    }

    @Test func onlyVisibleRowsAreBuiltAndTheSelectionIsPainted() {
        var built = 0
        var buffer = CellBuffer(width: 12, height: 3)
        let t = Table(columns: [TableColumn("X", .flex(min: 1))], count: 100_000, selected: 50_001, offset: 50_000) {
            built += 1
            return TableRow([TableCell("row \($0)")])
        }
        t.render(into: &buffer, area: buffer.bounds)
        #expect(built == 2)
        #expect(buffer.lines == ["X           ", "row 50000   ", "row 50001   "])
        #expect(buffer.role(0, 2) == .selected)
    }

    @Test func emptyTableDrawsItsHeader() {
        var buffer = CellBuffer(width: 10, height: 3)
        table(0).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.line(0) == "NAME     N")
        #expect(buffer.line(1).isEmpty)
    }

    @Test func tableStateKeepsTheSelectionVisible() {
        var state = TableState()
        state.move(by: 30, count: 100)
        state.clamp(count: 100, visible: 10)
        #expect(state.selected == 30 && state.offset == 21)
        state.move(by: -25, count: 100)
        state.clamp(count: 100, visible: 10)
        #expect(state.offset == 5)
        state.clamp(count: 3, visible: 10)
        #expect(state.selected == 2 && state.offset == 0)
        state.clamp(count: 0, visible: 10)
        #expect(state.selected == 0)
    }
}
