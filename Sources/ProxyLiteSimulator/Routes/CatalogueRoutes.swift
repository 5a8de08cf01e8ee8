import Foundation
import ProxyLiteAPI

/// /product, payment/groups, activity/balance-recharge-gift-ratio.
enum CatalogueRoutes {
    static let routes: [Route] = [
        Route(endpoint: .products, style: .modern) { _, request, context throws(SimulatorError) in
            let type = try request.int("type")
            let parent = try request.int("parent_product_type")
            let days = try request.int("time_days")
            let items = Catalogue.listed.filter {
                (type == nil || $0.type == type) && (parent == nil || $0.parentType == parent)
                    && (days == nil || $0.days == days)
            }.map(product)
            // The reference's answer is a bare array in `data`.
            return .json(.array(HostileRows.apply(items, .products, plan: context.configuration.faults)))
        },
        Route(endpoint: .paymentGroups, style: .modern) { _, _, _ throws(SimulatorError) in
            var groups: [String] = []
            for method in Catalogue.allMethods where !groups.contains(method.group) { groups.append(method.group) }
            let list = groups.map { group -> JSONValue in
                let items = Catalogue.allMethods.filter { $0.group == group }.map { m -> JSONValue in
                    .object([
                        ("id", .integer(Int64(m.id))), ("title", .string(m.title)), ("logo", ""), ("group", .string(group)),
                        ("disabled", .bool(Catalogue.isDisabled(m.id))), ("min", .number(m.min)), ("max", .number(m.max)),
                    ])
                }
                return .object([("name", .string(group)), ("logos", .array([])), ("items", .array(items))])
            }
            return .json(.object([("list", .array(list))]))
        },
        Route(endpoint: .rechargeGiftRatio, style: .modern) { _, _, _ throws(SimulatorError) in
            .json(
                .object([
                    (
                        "list",
                        .array([
                            .object([("amount", 100), ("ratio", 0.03)]), .object([("amount", 500), ("ratio", 0.06)]),
                            .object([("amount", 2000), ("ratio", 0.1)]),
                        ])
                    )
                ]))
        },
    ]

    private static func product(_ p: Catalogue.ProductEntry) -> JSONValue {
        let cny = (p.priceUSD * 7.1 * 100).rounded() / 100
        let hkd = (p.priceUSD * 7.8 * 100).rounded() / 100
        var members: [(String, JSONValue)] = [
            ("id", .integer(Int64(p.id))), ("title", .string(p.title)), ("type", .integer(Int64(p.type))),
            ("show_type", .integer(Int64(p.showType))), ("status", p.onSale ? 1 : 0), ("price", .number(cny)),
            ("usd_price", .number(p.priceUSD)),
            ("price_hkd", .number(hkd)), ("original_price", .number(cny)), ("original_usd_price", .number(p.priceUSD)),
            ("original_price_hkd", .number(hkd)), ("local_price", .number(p.priceUSD)),
            ("local_original_price", .number(p.priceUSD)), ("preferred_currency", "usd"),
            ("support_currencies", "usd,cny,hkd"), ("flow_value", p.flowGB.map(JSONValue.number) ?? 0),
            ("flow_give", 0), ("balance_give", 0), ("balance_value", 0), ("time_validity", .integer(Int64(p.days))),
            ("time_price", .number(p.priceUSD)), ("time_days", .integer(Int64(p.days))), ("tip1", ""), ("tip2", ""),
            ("introduce", ["High anonymity", "HTTP / SOCKS5"]), ("region_list_id", 0),
            ("renew_product_list", ""), ("parent_product_type", .integer(Int64(p.parentType ?? 0))),
            ("total_count", .integer(Int64(p.stock?.total ?? 0))), ("remain_count", .integer(Int64(p.stock?.remaining ?? 0))),
            ("extension_of_time_days", .array(Catalogue.durationMultipliers.map { .integer(Int64($0)) })),
            ("time_days_price_rate", .number(Catalogue.durationPriceRate)),
            ("desc", .object([("subtitle", .string(p.title)), ("introduce", ["High anonymity"])])),
        ]
        if p.type == 11 {
            func list(_ skus: [Catalogue.SKU]) -> JSONValue {
                .array(
                    skus.map { sku in
                        .object([
                            ("id", .integer(Int64(sku.id))), ("value", .integer(Int64(sku.value))), ("price", .number(sku.priceUSD * 7.1)),
                            ("price_usd", .number(sku.priceUSD)), ("price_hkd", .number(sku.priceUSD * 7.8)),
                        ])
                    })
            }
            members.append(
                (
                    "sku",
                    .object([
                        ("bandwidth_list", list(Catalogue.bandwidthSKUs)), ("duration_list", list(Catalogue.durationSKUs)),
                        ("concurrency_list", list(Catalogue.concurrencySKUs)),
                    ])
                ))
        } else {
            members.append(("sku", emptySKU))
        }
        return .object(members)
    }

    /// Products without variants carry an empty `sku` the PHP way: `[]`.
    private static let emptySKU: JSONValue = .array([])
}
