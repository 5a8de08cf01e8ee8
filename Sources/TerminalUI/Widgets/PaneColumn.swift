import Foundation
import Monitor
import ProxyLiteAPI

/// One column of a pane's table, defined once for the dashboard and for `snapshot` (text and CSV).
///
/// - `id`: stable, snake_case; the name the config's `columns` uses, and what the CSV header is
///   made from (`header`: upper case, `_` as a space, unless the column keeps an older header).
/// - `title`: the header on the dashboard and in `snapshot`'s text.
/// - `display`: the cell for people (dashboard and text), with an optional colour.
/// - `raw`: the cell for programs (CSV): bytes, codes, ISO dates.
/// - `fields`: the wire fields the cell is made from. When one of them (or the whole row) could
///   not be read the cell is `?` for people and empty in CSV, whatever the formatters say.
/// - `liveOnly`: values that only a running dashboard measures (a rate, the time to a limit).
///   `snapshot` fetches once and measures none, so its text and CSV leave these columns out.
/// - `isName`: names (usernames, titles), which `snapshot`'s text writes with their invisible and
///   reordering characters spelled out.
public struct PaneColumn<Row>: Sendable {
    public let id: String
    /// The header on the dashboard and in `snapshot`'s text, in the language being drawn.
    public var title: String { titleLabel.text }
    public let titleLabel: UILabel
    public let header: String
    public let width: TableColumn.Width
    public let alignment: DisplayWidth.Alignment
    /// Cap for the text form of `snapshot`; longer cells end in `…`.
    public let maxWidth: Int
    public let fields: [String]
    public let liveOnly: Bool
    public let isName: Bool
    /// The role of the `?` of an unreadable value (nil: the row's).
    public let unreadableRole: ColorRole?
    let display: @Sendable (Row, ColumnContext) -> TableCell
    let raw: @Sendable (Row, ColumnContext) -> String
    /// A value unreadable in a way `fields` cannot name (a price chosen among several fields).
    let lost: (@Sendable (Row) -> Bool)?
    /// A dashboard-only state that wins over the cell, `?` included (a pending change).
    let override: (@Sendable (Row, ColumnContext) -> TableCell?)?
    /// The dashboard draws a gauge of this fraction over the cell (nil: unlimited).
    public let gauge: (@Sendable (Row) -> Double?)?

    public init(
        _ id: String, title: UILabel, header: String? = nil, width: TableColumn.Width, _ alignment: DisplayWidth.Alignment = .left,
        maxWidth: Int = 40, fields: [String] = [], liveOnly: Bool = false, name: Bool = false, unreadableRole: ColorRole? = nil,
        lost: (@Sendable (Row) -> Bool)? = nil, override: (@Sendable (Row, ColumnContext) -> TableCell?)? = nil,
        gauge: (@Sendable (Row) -> Double?)? = nil,
        display: @escaping @Sendable (Row, ColumnContext) -> TableCell, raw: (@Sendable (Row, ColumnContext) -> String)? = nil
    ) {
        self.id = id
        self.titleLabel = title
        self.header = header ?? Self.header(id)
        self.width = width
        self.alignment = alignment
        self.maxWidth = maxWidth
        self.fields = fields
        self.liveOnly = liveOnly
        self.isName = name
        self.unreadableRole = unreadableRole
        self.lost = lost
        self.override = override
        self.gauge = gauge
        self.display = display
        self.raw = raw ?? { display($0, $1).text }
    }

    /// A column whose cell is plain text (no colour of its own).
    public init(
        _ id: String, title: UILabel, header: String? = nil, width: TableColumn.Width, _ alignment: DisplayWidth.Alignment = .left,
        maxWidth: Int = 40, fields: [String] = [], name: Bool = false, text: @escaping @Sendable (Row, ColumnContext) -> String,
        raw: (@Sendable (Row, ColumnContext) -> String)? = nil
    ) {
        self.init(
            id, title: title, header: header, width: width, alignment, maxWidth: maxWidth, fields: fields, name: name,
            display: { TableCell(text($0, $1)) }, raw: raw)
    }

    /// The CSV header an id stands for: `trade_no` is `TRADE NO`.
    public static func header(_ id: String) -> String { id.uppercased().replacingOccurrences(of: "_", with: " ") }

    /// The dashboard's table column.
    public var tableColumn: TableColumn { TableColumn(title, width, alignment) }

    /// Whether the row's value for this column could not be read.
    public func isUnreadable(_ row: Row, _ unreadable: UnreadableFields) -> Bool {
        UnreadableText.isUnreadable(unreadable, fields) || lost?(row) == true
    }

    /// The cell for people: `?` when unreadable.
    public func cell(_ row: Row, _ unreadable: UnreadableFields, _ context: ColumnContext) -> TableCell {
        if let cell = override?(row, context) { return cell }
        if isUnreadable(row, unreadable) { return TableCell(UnreadableText.mark, unreadableRole) }
        return display(row, context)
    }

    /// The cell for programs: empty when unreadable.
    public func rawValue(_ row: Row, _ unreadable: UnreadableFields, _ context: ColumnContext) -> String {
        isUnreadable(row, unreadable) ? "" : raw(row, context)
    }
}

extension Array {
    /// The columns `snapshot` prints: those it can fill from one fetch (no live-only ones).
    public func snapshotColumns<Row>() -> [PaneColumn<Row>] where Element == PaneColumn<Row> { filter { !$0.liveOnly } }
}

/// What a column's formatters know besides the row: the time, how dates are written, and on the
/// dashboard its state (pending changes).
public struct ColumnContext: Sendable {
    public enum Dates: Sendable, Hashable {
        /// The dashboard: the user's zone, a day (or a day and a minute) to fit its columns.
        case local(TimeZone)
        /// `snapshot`: the provider's date and time to the second (the provider's offset from UTC).
        case provider(offset: Int)
    }

    /// Days left are counted from here: the render's time, or when `snapshot` fetched.
    public var now: Date
    public var dates: Dates
    /// The dashboard's state; nil in `snapshot`.
    public var dashboard: RenderContext?
    /// Short forms for the dashboard's narrow columns (`dyn traffic` for "Dynamic residential
    /// traffic"); `snapshot`'s text has the room for the long ones.
    public var compact: Bool

    public init(now: Date, dates: Dates, dashboard: RenderContext? = nil, compact: Bool = false) {
        self.now = now
        self.dates = dates
        self.dashboard = dashboard
        self.compact = compact
    }

    public static func dashboard(_ context: RenderContext) -> ColumnContext {
        ColumnContext(now: context.now, dates: .local(context.zone), dashboard: context, compact: true)
    }

    public static func snapshot(fetchedAt: Date, offset: Int) -> ColumnContext {
        ColumnContext(now: fetchedAt, dates: .provider(offset: offset))
    }

    /// `2026-11-29` on the dashboard; the provider's `2026-11-29 14:05:09` in `snapshot`; `never`
    /// for the provider's far-future dates; "" for none.
    public func day(_ date: Date?) -> String { format(date, minute: false) }

    /// `2026-11-29 14:05` on the dashboard; as `day` in `snapshot`.
    public func minute(_ date: Date?) -> String { format(date, minute: true) }

    private func format(_ date: Date?, minute: Bool) -> String {
        guard let date else { return "" }
        if date.isNever { return UIText.never() }
        switch dates {
        case .local(let zone):
            let day = TimeText.day(date, zone: zone)
            return minute ? day + " " + TimeText.clock(date, zone: zone).prefix(5) : day
        case .provider(let offset): return APIDate.providerString(date, offset: offset)
        }
    }

    /// Whole days from now to `date`, negative when past; nil for none or never.
    public func daysLeft(_ date: Date?) -> Int? {
        guard let date, !date.isNever else { return nil }
        return Int(clamping: (date.timeIntervalSince(now) / 86_400).rounded(.down))
    }

    /// `12d`, `expired`, `never`, or "" when there is no date.
    public func left(_ date: Date?) -> String {
        if date?.isNever == true { return UIText.never() }
        return daysLeft(date).map { $0 < 0 ? UIText.cellExpired() : UIText.cellDaysLeft($0) } ?? ""
    }

    /// The raw form of a date: ISO 8601 in UTC, `never`, or "" for none.
    public static func iso(_ date: Date?) -> String { date.map { $0.isNever ? "never" : APIDate.isoString($0) } ?? "" }

    /// The raw form of days left: a whole number (negative when past), `never`, or "".
    public func rawDaysLeft(_ date: Date?) -> String {
        if date?.isNever == true { return "never" }
        return daysLeft(date).map(String.init) ?? ""
    }
}

/// Builds dashboard rows and tables from a pane's columns.
enum PaneTable {
    /// The key column's cell (`column`, an id) gets the mark dot when anything is marked.
    struct Mark {
        var column: String
        var marked: Bool
        var any: Bool
    }

    static func row<Row>(
        _ row: Row, columns: [PaneColumn<Row>], unreadable: UnreadableFields, context: ColumnContext, role: ColorRole = .normal,
        mark: Mark? = nil
    ) -> TableRow {
        var cells = columns.map { column -> TableCell in
            // A gauge is drawn over the cell afterwards; an unreadable one keeps its `?`.
            if column.gauge != nil, !column.isUnreadable(row, unreadable) { return TableCell("") }
            return column.cell(row, unreadable, context)
        }
        if let mark, let index = columns.firstIndex(where: { $0.id == mark.column }) {
            let key = cells[index]
            cells[index] = Marks.cell(key.text, marked: mark.marked, any: mark.any)
            if cells[index].role == nil { cells[index].role = key.role }
        }
        return TableRow(cells, role: role)
    }

    static func table(_ columns: [TableColumn], count: Int, state: TableState, row: @escaping (Int) -> TableRow) -> Table {
        Table(columns: columns, count: count, selected: state.selected, offset: state.offset, row: row)
    }

    /// Gauges need more than text, so they are drawn after the table into their columns.
    static func drawGauges<Row>(
        _ table: Table, columns: [PaneColumn<Row>], rows: (Int) -> Row, unreadable: (Row) -> UnreadableFields, area: Rect,
        into buffer: inout CellBuffer
    ) {
        let widths = table.widths(in: area.width)
        for (index, column) in columns.enumerated() {
            guard let gauge = column.gauge, widths[index] > 0 else { continue }
            let x = area.x + widths[..<index].reduce(0, +) + index * table.gap
            for line in 0..<Table.visibleRows(in: area) {
                let position = table.offset + line
                guard position < table.count else { break }
                let row = rows(position)
                if column.isUnreadable(row, unreadable(row)) { continue }  // the table drew its `?`
                Gauge.draw(gauge(row), x: x, y: area.y + 1 + line, width: widths[index], into: &buffer, clip: area)
            }
        }
    }
}
