import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// One row of the regions pane: the pane mixes several lists, so each row says which it is from.
struct RegionRow: Sendable {
    /// dynamic-states, dynamic-citys, static-ip-region, host-pool, dcl4, dsl4, dal4,
    /// dynamic-states/search or dynamic-citys/search.
    let source: String
    let country: String
    let state: String
    let city: String
    let count: Int?
    /// The values of the row (and of the country it is under) that could not be read, by wire name.
    var unreadable = UnreadableFields()
}

/// The regions pane's columns (`snapshot` only: the dashboard shows stock in the Extract pane).
enum RegionColumns {
    static let all: [PaneColumn<RegionRow>] = [
        PaneColumn("source", title: .key(.colSource), width: .flex(min: 10), text: { r, _ in r.source }),
        PaneColumn(
            "country", title: .key(.colCountry), width: .fixed(7), fields: ["code", "country_code", "Area", "area"],
            text: { r, _ in r.country }),
        PaneColumn(
            "state", title: .key(.colState), width: .flex(min: 8), maxWidth: 24, fields: ["State", "state"], text: { r, _ in r.state }),
        PaneColumn("city", title: .key(.colCity), width: .flex(min: 8), maxWidth: 24, fields: ["City", "city"], text: { r, _ in r.city }),
        PaneColumn(
            "count", title: .key(.colCount), width: .fixed(7), .right, fields: ["number"], text: { r, _ in r.count.map(String.init) ?? "" }),
    ]
}

extension SnapshotTables {
    static func regionRows(_ r: SnapshotRegions) -> [RegionRow] {
        var rows: [RegionRow] = []
        /// A nested row's unreadable values with its parent's, so that its cells show `?` for either.
        func merged(_ row: UnreadableFields, _ parent: UnreadableFields) -> UnreadableFields {
            UnreadableFields(row.names + parent.names)
        }
        for country in r.dynamicStates ?? [] {
            rows += country.items.map {
                RegionRow(
                    source: "dynamic-states", country: country.countryCode, state: $0.state, city: "", count: nil,
                    unreadable: merged($0.unreadable, country.unreadable))
            }
        }
        for country in r.dynamicCities ?? [] {
            rows += country.items.map {
                RegionRow(
                    source: "dynamic-citys", country: country.countryCode, state: $0.state, city: $0.city ?? "", count: nil,
                    unreadable: merged($0.unreadable, country.unreadable))
            }
        }
        rows += (r.staticIPStock ?? []).map {
            RegionRow(source: "static-ip-region", country: $0.countryCode, state: "", city: "", count: $0.count, unreadable: $0.unreadable)
        }
        rows += (r.hostPool ?? []).map {
            RegionRow(source: "host-pool", country: $0.countryCode, state: "", city: "", count: $0.count, unreadable: $0.unreadable)
        }
        if let account = r.account {
            rows += (account.cities?.list ?? []).map {
                RegionRow(source: "dcl4", country: $0.area, state: $0.state, city: $0.city, count: nil, unreadable: $0.unreadable)
            }
            rows += (account.states?.list ?? []).map {
                RegionRow(source: "dsl4", country: $0.area, state: $0.state, city: $0.city, count: nil, unreadable: $0.unreadable)
            }
            for area in account.areas?.list ?? [] {
                for state in area.states {
                    rows += (state.cities.isEmpty ? [""] : state.cities).map {
                        RegionRow(
                            source: "dal4", country: area.area, state: state.state, city: $0, count: nil,
                            unreadable: merged(state.unreadable, area.unreadable))
                    }
                }
            }
        }
        if let search = r.search {
            rows += (search.states ?? []).map {
                RegionRow(source: "dynamic-states/search", country: search.countryCode, state: $0, city: "", count: nil)
            }
            rows += (search.cities ?? []).map {
                RegionRow(source: "dynamic-citys/search", country: search.countryCode, state: search.state ?? "", city: $0, count: nil)
            }
        }
        return rows
    }
}
