/// A rectangle of terminal cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rows `from..<to` of this rectangle (relative), clamped to it.
    public func rows(_ from: Int, _ to: Int) -> Rect {
        let top = min(max(0, from), height)
        let bottom = min(max(top, to), height)
        return Rect(x: x, y: y + top, width: width, height: bottom - top)
    }

    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }
}

/// One terminal cell: the text drawn at its column (empty for the second column of a wide glyph)
/// and what it means.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var role: ColorRole
    /// True for the right half of a wide glyph.
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", role: .normal, isContinuation: false)
}

/// A grid of cells that views draw into. Views are pure: they take a snapshot, UI state and a
/// size, and write here; the curses backend copies the result to the terminal, and tests read it.
public struct CellBuffer: Sendable, Equatable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped to `clip` (default: the whole buffer), and returns the
    /// columns used. Text is made display-safe first; a wide glyph that does not fit is replaced by
    /// a space rather than cut in half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: ColorRole, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return 0 }
        var column = x
        let right = min(area.maxX, width)
        for scalar in DisplayWidth.displaySafe(text).unicodeScalars {
            let w = DisplayWidth.columns(scalar)
            if w == 0 {
                // A combining mark joins the glyph before it.
                if column > x, column - 1 >= max(area.x, 0), column - 1 < right {
                    var index = y * width + column - 1
                    if cells[index].isContinuation, index > 0 { index -= 1 }
                    cells[index].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if column + w > right {
                if w == 2, column < right, column >= area.x { set(column, y, Cell(text: " ", role: role, isContinuation: false)) }
                break
            }
            if column >= area.x, column >= 0 {
                set(column, y, Cell(text: String(scalar), role: role, isContinuation: false))
                if w == 2 { set(column + 1, y, Cell(text: "", role: role, isContinuation: true)) }
            }
            column += w
        }
        return column - x
    }

    /// Paints `rect` with spaces in `role`. A wide glyph the edge cuts in half is blanked too (as
    /// `put` does): half a glyph left behind would take a column the frame thinks is free.
    public mutating func fill(_ rect: Rect, role: ColorRole) {
        let left = max(rect.x, 0)
        let right = min(rect.maxX, width)
        guard left < right else { return }
        for row in max(rect.y, 0)..<min(rect.maxY, height) {
            if cells[row * width + left].isContinuation, left > 0 {
                cells[row * width + left - 1] = Cell(text: " ", role: cells[row * width + left - 1].role, isContinuation: false)
            }
            if right < width, cells[row * width + right].isContinuation {
                cells[row * width + right] = Cell(text: " ", role: cells[row * width + right].role, isContinuation: false)
            }
            for column in left..<right {
                cells[row * width + column] = Cell(text: " ", role: role, isContinuation: false)
            }
        }
    }

    /// Changes the role of the cells in `rect`, keeping their text (a selection bar).
    public mutating func paint(_ rect: Rect, role: ColorRole) {
        for row in max(rect.y, 0)..<min(rect.maxY, height) {
            for column in max(rect.x, 0)..<min(rect.maxX, width) { cells[row * width + column].role = role }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        // Overwriting half of a wide glyph blanks its other half, as a terminal would.
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(text: " ", role: cells[index - 1].role, isContinuation: false) }
        if !cell.isContinuation, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(text: " ", role: cells[index + 1].role, isContinuation: false)
        }
        cells[index] = cell
    }

    /// The rows as text, wide glyphs once (their continuation cells skipped).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !cells[row * width + column].isContinuation {
                line += cells[row * width + column].text
            }
            return line
        }
    }

    public var description: String { lines.joined(separator: "\n") }

    /// The text of row `y`, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var text = lines[y]
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The role of the cell at (x, y).
    public func role(_ x: Int, _ y: Int) -> ColorRole { self[x, y].role }
}
