import Foundation
import Monitor
import ProxyLiteAPI
import TerminalUI

/// One row of the regions pane: the pane mixes several lists, so each row says which it is from.
struct RegionRow {
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

extension SnapshotTables {
    /// The whitelist, products and regions panes.
    static func paneTables(_ data: SnapshotData, offset: Int) -> [SnapshotTable] {
        var tables: [SnapshotTable] = []
        if let whitelist = data.whitelist {
            tables.append(
                SnapshotTable(
                    name: "whitelist", rows: whitelist,
                    columns: [
                        SnapshotColumn("IP", fields: ["ip"], text: { $0.ip }),
                        SnapshotColumn(
                            "TYPE", maxWidth: 28, fields: ["product_type"],
                            text: { $0.productType.label(in: WhitelistIP.productTypeSection) },
                            raw: { String($0.productType.code) }),
                        SnapshotColumn(
                            "REMARK", maxWidth: 32, fields: ["remark"], text: { DisplayWidth.displaySafe($0.remark) }, raw: { $0.remark }),
                        SnapshotColumn(
                            "CREATED", fields: ["created_at"],
                            text: { $0.createdAt.map { APIDate.providerString($0, offset: offset) } ?? "" },
                            raw: { $0.createdAt.map(APIDate.isoString) ?? "" }),
                    ], unreadable: { $0.unreadable }))
        }
        if let catalogue = data.catalogue, case .success(let products) = catalogue.productsResult {
            tables.append(
                SnapshotTable(
                    name: "products", rows: products,
                    columns: [
                        SnapshotColumn("ID", right: true, fields: ["id"], text: { String($0.id) }),
                        SnapshotColumn(
                            "TITLE", maxWidth: 30, fields: ["title"], text: { DisplayWidth.displaySafe($0.title) }, raw: { $0.title }),
                        SnapshotColumn("TYPE", maxWidth: 28, fields: ["type"], text: { $0.typeLabel }, raw: { String($0.type.code) }),
                        // The price is chosen by the preferred currency and local_price: `?` when any
                        // field it is chosen by or read from could not be read.
                        SnapshotColumn(
                            "PRICE", right: true,
                            text: { p in
                                p.preferredPriceIsUnreadable
                                    ? "?" : p.preferredPrice.map { String(format: "%.2f", $0.amount) + " " + $0.currency } ?? "-"
                            },
                            raw: { p in p.preferredPriceIsUnreadable ? "" : p.preferredPrice.map { String(format: "%.2f", $0.amount) } ?? ""
                            }),
                        SnapshotColumn(
                            "CURRENCY", text: { $0.preferredPriceIsUnreadable ? "?" : $0.preferredPrice?.currency ?? "" },
                            raw: { $0.preferredPriceIsUnreadable ? "" : $0.preferredPrice?.currency ?? "" }),
                        SnapshotColumn("DAYS", right: true, fields: ["time_days"], text: { $0.timeDays.map(String.init) ?? "" }),
                        SnapshotColumn("SALE", fields: ["status", "show_type"], text: { $0.saleText }),
                        SnapshotColumn("STOCK", right: true, fields: ["total_count", "remain_count"], text: { $0.stockText ?? "" }),
                    ], unreadable: { $0.unreadable }))
        }
        if let regions = data.regions {
            tables.append(
                SnapshotTable(
                    name: "regions", rows: regionRows(regions),
                    columns: [
                        SnapshotColumn("SOURCE", text: { $0.source }),
                        SnapshotColumn("COUNTRY", fields: ["code", "country_code", "Area", "area"], text: { $0.country }),
                        SnapshotColumn("STATE", maxWidth: 24, fields: ["State", "state"], text: { $0.state }),
                        SnapshotColumn("CITY", maxWidth: 24, fields: ["City", "city"], text: { $0.city }),
                        SnapshotColumn("COUNT", right: true, fields: ["number"], text: { $0.count.map(String.init) ?? "" }),
                    ], unreadable: { $0.unreadable }, unreadableCount: SnapshotUnreadable.regions(regions).count))
        }
        return tables
    }

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
