import ProxyLiteAPI
import TerminalUI

/// One value the API sent that could not be read, as `snapshot` lists it in its `unreadable`
/// member: which pane, which row (its identity, or null when that is what could not be read)
/// and which field (the wire name; `row` when the item was not even an object).
struct SnapshotUnreadable {
    let pane: SnapshotPane
    let id: String?
    let field: String

    /// Every unreadable value of every pane fetched, in pane and row order.
    static func all(_ data: SnapshotData) -> [SnapshotUnreadable] {
        var out: [SnapshotUnreadable] = []
        func add(_ pane: SnapshotPane, _ id: String?, _ fields: UnreadableFields) {
            out += fields.names.map { SnapshotUnreadable(pane: pane, id: id, field: $0) }
        }
        for a in data.accounts ?? [] where !a.unreadable.isEmpty { add(.accounts, a.hasIdentity ? a.username : nil, a.unreadable) }
        for f in data.flow ?? [] where !f.unreadable.isEmpty { add(.flow, f.day.isEmpty ? nil : f.day, f.unreadable) }
        for ip in data.staticIPs ?? [] where !ip.unreadable.isEmpty { add(.staticIPs, ip.hasIdentity ? ip.identity : nil, ip.unreadable) }
        for o in data.orders ?? [] where !o.unreadable.isEmpty { add(.orders, o.hasIdentity ? o.tradeNo : nil, o.unreadable) }
        for p in data.packages ?? [] where !p.unreadable.isEmpty { add(.packages, p.hasIdentity ? String(p.id) : nil, p.unreadable) }
        if let s = data.summary, !s.unreadable.isEmpty { add(.packages, "summary", s.unreadable) }
        return out
    }
}
