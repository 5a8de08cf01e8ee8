import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// How `snapshot` says its list was filtered by the provider: a line of text above the tables,
/// a `query` object in JSON (`{"pane": "orders", "filters": {"status": "paid", …}}`) with the
/// option names and values as typed.
enum SnapshotQueryText {
    static func line(_ query: ServerQuery) -> String {
        UIText.snapFilter(query.pane, query.terms.map { "--\($0.name) \($0.value)" }.joined(separator: " ")) + "\n"
    }

    static func json(_ query: ServerQuery) -> JSONValue {
        .object([
            ("pane", .string(query.pane)),
            ("filters", .object(query.terms.map { ($0.name, JSONValue.string($0.value)) })),
        ])
    }
}
