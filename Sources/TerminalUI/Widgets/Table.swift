/// A column of a table: a title, how wide it may be, and which side it hugs.
public struct TableColumn: Sendable {
    public enum Width: Sendable {
        case fixed(Int)
        /// Takes a share of what is left, never below `min`.
        case flex(min: Int)
    }

    public var title: String
    public var width: Width
    public var alignment: DisplayWidth.Alignment

    public init(_ title: String, _ width: Width, _ alignment: DisplayWidth.Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table row, with an optional role of its own (a coloured status).
public struct TableCell: Sendable {
    public var text: String
    public var role: ColorRole?
    public init(_ text: String, _ role: ColorRole? = nil) {
        self.text = text
        self.role = role
    }
}

public struct TableRow: Sendable {
    public var cells: [TableCell]
    /// The role of cells without one (for example `.warning` for an expiring IP).
    public var role: ColorRole
    public init(_ cells: [TableCell], role: ColorRole = .normal) {
        self.cells = cells
        self.role = role
    }
}

/// A table that draws only the rows it shows: rows come from `row(index)`, so a list of
/// 100 000 accounts costs as much to draw as a list of 40.
public struct Table {
    public var columns: [TableColumn]
    public var count: Int
    public var row: (Int) -> TableRow
    public var selected: Int?
    /// The first row shown; the caller keeps it so that the selection stays visible.
    public var offset: Int
    public var gap = 1

    public init(columns: [TableColumn], count: Int, selected: Int?, offset: Int, row: @escaping (Int) -> TableRow) {
        self.columns = columns
        self.count = count
        self.selected = selected
        self.offset = offset
        self.row = row
    }

    /// Widths of the columns in `width` columns; columns that do not fit get 0.
    public func widths(in width: Int) -> [Int] {
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let n): return n
            case .flex(let min): return min
            }
        }
        let gaps = gap * max(0, columns.count - 1)
        var spare = width - widths.reduce(0, +) - gaps
        let flexible = columns.indices.filter { if case .flex = columns[$0].width { return true } else { return false } }
        if spare > 0, !flexible.isEmpty {
            let share = spare / flexible.count
            for (n, index) in flexible.enumerated() {
                widths[index] += share + (n < spare % flexible.count ? 1 : 0)
            }
            spare = 0
        }
        // Too narrow: keep columns from the left while they fit, then cut the last one.
        var used = 0
        for index in widths.indices {
            let available = width - used - (index > 0 ? gap : 0)
            if available <= 0 {
                widths[index] = 0
            } else if widths[index] > available {
                widths[index] = available
            }
            if widths[index] > 0 { used += (index > 0 ? gap : 0) + widths[index] }
        }
        return widths
    }

    /// Rows of data `area` can show below the header.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let widths = widths(in: area.width)
        buffer.fill(area.rows(0, 1), role: .tableHeader)
        draw(columns.map { TableCell($0.title) }, widths: widths, y: area.y, x: area.x, role: .tableHeader, into: &buffer, area: area)
        let visible = Self.visibleRows(in: area)
        for line in 0..<visible {
            let index = offset + line
            guard index < count else { break }
            let data = row(index)
            let y = area.y + 1 + line
            let isSelected = index == selected
            let rowRole = isSelected ? ColorRole.selected : data.role
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            draw(data.cells, widths: widths, y: y, x: area.x, role: rowRole, into: &buffer, area: area, keepRoles: !isSelected)
        }
    }

    private func draw(
        _ cells: [TableCell], widths: [Int], y: Int, x: Int, role: ColorRole, into buffer: inout CellBuffer, area: Rect,
        keepRoles: Bool = false
    ) {
        var column = x
        for (index, width) in widths.enumerated() where width > 0 {
            let cell = index < cells.count ? cells[index] : TableCell("")
            let text = DisplayWidth.fit(cell.text, to: width, alignment: columns[index].alignment)
            buffer.put(text, x: column, y: y, role: keepRoles ? (cell.role ?? role) : role, clip: area)
            column += width + gap
        }
    }
}

/// Selection and scroll of a table, kept in UI state and clamped before each render so that
/// drawing never has to change it.
public struct TableState: Sendable, Hashable {
    public var selected = 0
    public var offset = 0

    public init() {}

    /// Keeps the selection inside `count` rows and visible in a window of `visible` rows.
    public mutating func clamp(count: Int, visible: Int) {
        if count == 0 {
            selected = 0
            offset = 0
            return
        }
        selected = min(max(0, selected), count - 1)
        if visible <= 0 {
            offset = selected
            return
        }
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = min(max(0, offset), max(0, count - visible))
    }

    public mutating func move(by delta: Int, count: Int) {
        selected = min(max(0, selected + delta), max(0, count - 1))
    }
}
