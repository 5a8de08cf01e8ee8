import Monitor
import ProxyLiteAPI
import TerminalUI

/// One value the API sent that could not be read, as `snapshot` lists it in its `unreadable`
/// member: which pane, which row (its identity, or null when that is what could not be read)
/// and which field (the wire name; `row` when the item was not even an object).
///
/// Rows of the products and regions panes come from several lists, so their ids say which: a
/// product is its id, a payment group `payment-group/<name>`, a method `payment-method/<id>`,
/// a region row `<list>/<country>[/<state>]` (`host-pool/US`, `dynamic-states/US/Texas`,
/// `dal4/US`). A state or item whose own name could not be read is named by its country.
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
        for w in data.whitelist ?? [] where !w.unreadable.isEmpty { add(.whitelist, w.hasIdentity ? w.ip : nil, w.unreadable) }
        if let catalogue = data.catalogue {
            for p in catalogue.products where !p.unreadable.isEmpty { add(.products, p.hasIdentity ? String(p.id) : nil, p.unreadable) }
            for group in catalogue.paymentGroups {
                add(.products, group.name.isEmpty ? nil : "payment-group/\(group.name)", group.unreadable)
                for m in group.methods where !m.unreadable.isEmpty {
                    add(.products, m.hasIdentity ? "payment-method/\(m.id)" : nil, m.unreadable)
                }
            }
        }
        if let regions = data.regions { out += Self.regions(regions) }
        return out
    }

    /// The region lists' unreadable values, each row named by its list and country (and state).
    static func regions(_ r: SnapshotRegions) -> [SnapshotUnreadable] {
        var out: [SnapshotUnreadable] = []
        func add(_ id: String?, _ fields: UnreadableFields) {
            out += fields.names.map { SnapshotUnreadable(pane: .regions, id: id, field: $0) }
        }
        for (list, countries) in [("dynamic-states", r.dynamicStates), ("dynamic-citys", r.dynamicCities)] {
            for country in countries ?? [] {
                let id = country.hasIdentity ? "\(list)/\(country.countryCode)" : nil
                add(id, country.unreadable)
                for item in country.items where !item.unreadable.isEmpty {
                    add(id.map { item.hasIdentity ? "\($0)/\(item.state)" : $0 }, item.unreadable)
                }
            }
        }
        for (list, stock) in [("static-ip-region", r.staticIPStock), ("host-pool", r.hostPool)] {
            for s in stock ?? [] where !s.unreadable.isEmpty { add(s.hasIdentity ? "\(list)/\(s.countryCode)" : nil, s.unreadable) }
        }
        if let account = r.account {
            for (list, rows) in [("dcl4", account.cities), ("dsl4", account.states)] {
                for row in rows?.list ?? [] where !row.unreadable.isEmpty {
                    add(row.hasIdentity ? "\(list)/\(row.area)" : nil, row.unreadable)
                }
            }
            for area in account.areas?.list ?? [] {
                let id = area.hasIdentity ? "dal4/\(area.area)" : nil
                add(id, area.unreadable)
                for state in area.states where !state.unreadable.isEmpty {
                    add(id.map { state.hasIdentity ? "\($0)/\(state.state)" : $0 }, state.unreadable)
                }
            }
        }
        return out
    }
}
