import Foundation
import Monitor
import ProxyLiteAPI

/// The whitelist, products and regions panes, and the errors member (all additions to
/// `proxylite-top.snapshot/1`).
extension SnapshotJSON {
    func number(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
    func optionalInt(_ i: Int?) -> JSONValue { i.map(int) ?? .null }

    func failure(_ f: SnapshotFailure) -> JSONValue {
        .object([("pane", .string(f.pane.rawValue)), ("error", .string(f.error.description))])
    }

    func whitelistIP(_ ip: WhitelistIP) -> JSONValue {
        let u = ip.unreadable
        return .object([
            ("ip", readable(.string(ip.ip), u, "ip")), ("remark", readable(.string(ip.remark), u, "remark")),
            ("product_type", readable(type(ip.productType, WhitelistIP.productTypeSection), u, "product_type")),
            ("created_at", readable(date(ip.createdAt), u, "created_at")),
        ])
    }

    /// products, payment_groups and recharge_gift_ratios: each present only when it was fetched.
    func catalogue(_ c: CatalogueData) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if case .success(let products) = c.productsResult { members.append(("products", .array(products.map(product)))) }
        if case .success(let groups) = c.paymentGroupsResult { members.append(("payment_groups", .array(groups.map(paymentGroup)))) }
        if case .success(let ratios) = c.rechargeRatiosResult {
            members.append(("recharge_gift_ratios", .array(ratios.map(rechargeRatio))))
        }
        return members
    }

    /// A price chosen by a field that could not be read is null, with its currency.
    func product(_ p: Product) -> JSONValue {
        let u = p.unreadable
        let price = p.preferredPriceIsUnreadable ? nil : p.preferredPrice
        return .object([
            ("id", readable(int(p.id), u, "id")), ("title", readable(.string(p.title), u, "title")),
            ("product_type", readable(type(p.type, Product.productTypeSection), u, "type")),
            ("show_type", readable(p.showType.map { .string($0.description) } ?? .null, u, "show_type")),
            ("on_sale", readable(p.onSale.map(JSONValue.bool) ?? .null, u, "status")),
            ("purchasable", readable(.bool(p.isPurchasable && p.hasStock()), u, "status", "show_type", "total_count", "remain_count")),
            ("price", number(price?.amount)), ("currency", text(price?.currency)),
            ("flow_gb", readable(number(p.flowGB), u, "flow_value")), ("days", readable(optionalInt(p.timeDays), u, "time_days")),
            // total_count 0 is unlimited stock: said in so many words rather than left as a 0.
            ("stock_unlimited", readable(.bool(p.totalStock == 0), u, "total_count")),
            ("total_stock", readable(optionalInt(p.totalStock), u, "total_count")),
            ("remaining_stock", readable(optionalInt(p.remainingStock), u, "remain_count")),
            ("renews", readable(p.parentProductType.map { type($0, StaticIP.productTypeSection) } ?? .null, u, "parent_product_type")),
        ])
    }

    func paymentGroup(_ g: PaymentGroup) -> JSONValue {
        .object([
            ("name", readable(.string(g.name), g.unreadable, "name")),
            (
                "methods",
                .array(
                    g.methods.map { m in
                        let u = m.unreadable
                        return .object([
                            ("id", readable(int(m.id), u, "id")), ("title", readable(.string(m.title), u, "title")),
                            ("group", readable(.string(m.group), u, "group")), ("disabled", readable(.bool(m.disabled), u, "disabled")),
                            ("min", readable(number(m.minimum), u, "min")), ("max", readable(number(m.maximum), u, "max")),
                        ])
                    })
            ),
        ])
    }

    func rechargeRatio(_ r: RechargeGiftRatio) -> JSONValue {
        .object([("minimum_amount", number(r.minimumAmount)), ("ratio", number(r.ratio)), ("raw", r.raw.maskingSecrets())])
    }

    func regions(_ r: SnapshotRegions) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let states = r.dynamicStates { members.append(("dynamic_states", .array(states.map(country)))) }
        if let cities = r.dynamicCities { members.append(("dynamic_cities", .array(cities.map(country)))) }
        if let stock = r.staticIPStock { members.append(("static_ip_stock", .array(stock.map(regionStock)))) }
        if let pool = r.hostPool { members.append(("host_pool", .array(pool.map(regionStock)))) }
        if let account = r.account {
            var a: [(String, JSONValue)] = [("username", .string(account.username))]
            if let cities = account.cities { a.append(("cities", regionList(cities))) }
            if let states = account.states { a.append(("states", regionList(states))) }
            if let areas = account.areas {
                a.append(
                    (
                        "areas",
                        .object([
                            ("cached", .bool(areas.cached)),
                            (
                                "list",
                                .array(
                                    areas.list.map { area in
                                        .object([
                                            ("area", readable(.string(area.area), area.unreadable, "Area", "area")),
                                            (
                                                "states",
                                                .array(
                                                    area.states.map {
                                                        .object([
                                                            ("state", readable(.string($0.state), $0.unreadable, "State", "state")),
                                                            // The cities that could be read; one that could not is in `unreadable`.
                                                            ("cities", .array($0.cities.map(JSONValue.string))),
                                                        ])
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    ))
            }
            members.append(("account", .object(a)))
        }
        if let search = r.search {
            var s: [(String, JSONValue)] = [("country_code", .string(search.countryCode)), ("state", text(search.state))]
            if let states = search.states { s.append(("states", .array(states.map(JSONValue.string)))) }
            if let cities = search.cities { s.append(("cities", .array(cities.map(JSONValue.string)))) }
            members.append(("search", .object(s)))
        }
        return .object(members)
    }

    func country(_ c: CountryRegions) -> JSONValue {
        let u = c.unreadable
        return .object([
            ("country_code", readable(.string(c.countryCode), u, "country_code")),
            ("name_en", readable(.string(c.nameEnglish), u, "name_en")),
            ("name_zh_cn", readable(.string(c.nameChinese), u, "name_zh_cn")),
            ("continent_code", readable(.string(c.continentCode), u, "continent_code")),
            (
                "items",
                .array(
                    c.items.map {
                        .object([
                            ("state", readable(.string($0.state), $0.unreadable, "state")),
                            ("city", readable(text($0.city), $0.unreadable, "city")),
                        ])
                    })
            ),
        ])
    }

    func regionStock(_ s: RegionStock) -> JSONValue {
        let u = s.unreadable
        return .object([
            ("country_code", readable(.string(s.countryCode), u, "code", "country_code")), ("count", readable(int(s.count), u, "number")),
            ("name_en", readable(text(s.nameEnglish), u, "name_en")), ("name_zh_cn", readable(text(s.nameChinese), u, "name_zh_cn")),
        ])
    }

    func regionList(_ l: RegionListV4<RegionV4>) -> JSONValue {
        .object([
            ("cached", .bool(l.cached)),
            (
                "list",
                .array(
                    l.list.map {
                        let u = $0.unreadable
                        return .object([
                            ("city", readable(.string($0.city), u, "City", "city")),
                            ("area", readable(.string($0.area), u, "Area", "area")),
                            ("state", readable(.string($0.state), u, "State", "state")),
                        ])
                    })
            ),
        ])
    }
}
