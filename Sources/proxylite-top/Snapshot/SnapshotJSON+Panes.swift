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
        .object([
            ("ip", .string(ip.ip)), ("remark", .string(ip.remark)),
            ("product_type", type(ip.productType, WhitelistIP.productTypeSection)), ("created_at", date(ip.createdAt)),
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

    func product(_ p: Product) -> JSONValue {
        let price = p.preferredPrice
        return .object([
            ("id", int(p.id)), ("title", .string(p.title)), ("product_type", type(p.type, Product.productTypeSection)),
            ("show_type", p.showType.map { .string($0.description) } ?? .null),
            ("on_sale", p.onSale.map(JSONValue.bool) ?? .null), ("purchasable", .bool(p.isPurchasable)),
            ("price", number(price?.amount)), ("currency", text(price?.currency)), ("flow_gb", number(p.flowGB)),
            ("days", optionalInt(p.timeDays)),
            // total_count 0 is unlimited stock: said in so many words rather than left as a 0.
            ("stock_unlimited", .bool(p.totalStock == 0)), ("total_stock", optionalInt(p.totalStock)),
            ("remaining_stock", optionalInt(p.remainingStock)),
            ("renews", p.parentProductType.map { type($0, StaticIP.productTypeSection) } ?? .null),
        ])
    }

    func paymentGroup(_ g: PaymentGroup) -> JSONValue {
        .object([
            ("name", .string(g.name)),
            (
                "methods",
                .array(
                    g.methods.map {
                        .object([
                            ("id", int($0.id)), ("title", .string($0.title)), ("group", .string($0.group)),
                            ("disabled", .bool($0.disabled)), ("min", number($0.minimum)), ("max", number($0.maximum)),
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
                                            ("area", .string(area.area)),
                                            (
                                                "states",
                                                .array(
                                                    area.states.map {
                                                        .object([
                                                            ("state", .string($0.state)),
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
        .object([
            ("country_code", .string(c.countryCode)), ("name_en", .string(c.nameEnglish)), ("name_zh_cn", .string(c.nameChinese)),
            ("continent_code", .string(c.continentCode)),
            ("items", .array(c.items.map { .object([("state", .string($0.state)), ("city", text($0.city))]) })),
        ])
    }

    func regionStock(_ s: RegionStock) -> JSONValue {
        .object([
            ("country_code", .string(s.countryCode)), ("count", int(s.count)), ("name_en", text(s.nameEnglish)),
            ("name_zh_cn", text(s.nameChinese)),
        ])
    }

    func regionList(_ l: RegionListV4<RegionV4>) -> JSONValue {
        .object([
            ("cached", .bool(l.cached)),
            (
                "list",
                .array(
                    l.list.map { .object([("city", .string($0.city)), ("area", .string($0.area)), ("state", .string($0.state))]) })
            ),
        ])
    }
}
