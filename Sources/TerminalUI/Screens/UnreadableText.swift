import ProxyLiteAPI

/// How a pane shows values the API sent but the client could not read: `?` in the cell, and how
/// many there are in the pane's title, so that a row is never dropped and a gap never silent.
enum UnreadableText {
    static let mark = "?"

    /// `text`, or `?` when any of `names` (or the whole row) could not be read.
    static func cell(_ text: @autoclosure () -> String, _ fields: UnreadableFields, _ names: String...) -> String {
        isUnreadable(fields, names) ? mark : text()
    }

    static func isUnreadable(_ fields: UnreadableFields, _ names: [String]) -> Bool {
        !fields.isEmpty && (fields.contains("row") || names.contains(where: fields.contains))
    }

    /// "  · 2 values unreadable" for a pane's title; "" when everything was read.
    static func title(_ count: Int) -> String {
        count == 0 ? "" : count == 1 ? UIText.unreadableOne() : UIText.unreadableMany(count)
    }

    /// The total over `rows` of their unreadable fields.
    static func count<Rows: Sequence>(_ rows: Rows, _ fields: (Rows.Element) -> UnreadableFields) -> Int {
        rows.reduce(0) { $0 + fields($1).count }
    }
}
