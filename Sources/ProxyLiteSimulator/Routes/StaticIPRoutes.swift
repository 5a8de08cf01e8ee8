import Foundation
import ProxyLiteAPI

/// ip/get-static-ip, ip/static-ip-region, host-pool/regions.
enum StaticIPRoutes {
    static let routes: [Route] = [
        Route(endpoint: .staticIPList, style: .legacy) { world, request, context throws(SimulatorError) in
            let (page, size) = try PackageRoutes.pageAndSize(request, defaultSize: 10, maxSize: 1000)
            let country = request.text("country_code").flatMap { $0.isEmpty ? nil : $0.uppercased() }
            let type = try request.int("product_type")
            if let type, type != 14, type != 25 { throw .badParameters(["product_type": ["仅支持 14、25"]]) }
            let status = try request.int("status")
            if let status, !(1...4).contains(status) { throw .badParameters(["status": ["status 仅支持 1-4"]]) }
            let tradeNo = request.text("trade_no").flatMap { $0.isEmpty ? nil : $0 }
            let matching = world.staticIPs.filter { ip in
                (country == nil || ip.countryCode == country) && (type == nil || ip.productType == type)
                    && (tradeNo == nil || ip.tradeNo == tradeNo) && (status == nil || ip.status(at: context.now) == status)
            }
            let first = (page - 1) * size
            let items = matching.dropFirst(first).prefix(size).enumerated().map { offset, ip -> JSONValue in
                HostileRows.apply(row(ip, context), .staticIPs, index: first + offset, plan: context.configuration.faults)
            }
            return .json(PackageRoutes.paged(items, page: page, size: size, total: matching.count))
        },
        Route(endpoint: .staticIPRegions, style: .legacy) { world, request, context throws(SimulatorError) in
            for field in ["isp", "asn", "exclusive"] {
                if let v = try request.int(field), v != 0, v != 1 { throw .badParameters([field: ["\(field) 仅支持 0 或 1"]]) }
            }
            let exclusive = try request.int("exclusive") == 1
            let items = Catalogue.countries.enumerated().map { index, country -> JSONValue in
                let stock = 20 + Int(SeededRandom.unit(world.seed, UInt64(index), 7) * 400) - (exclusive ? 15 : 0)
                return .object([("code", .string(country.code)), ("number", .integer(Int64(max(0, stock))))])
            }
            return .json(.object([("list", .array(HostileRows.apply(items, .regionStock, plan: context.configuration.faults)))]))
        },
        Route(endpoint: .hostPoolRegions, style: .legacy) { world, _, context throws(SimulatorError) in
            let items = Catalogue.countries.enumerated().map { index, country -> JSONValue in
                .object([
                    ("code", .string(country.code)),
                    ("number", .integer(Int64(50 + Int(SeededRandom.unit(world.seed, UInt64(index), 9) * 2000)))),
                    ("name_zh_cn", .string(country.zh)), ("name_en", .string(country.en)),
                    ("square_flag", .string("https://flags.invalid/\(country.code.lowercased()).png")),
                ])
            }
            return .json(.object([("list", .array(HostileRows.apply(items, .regionStock, plan: context.configuration.faults)))]))
        },
    ]

    /// One IP as the list sends it. The reference does not document this answer; this is the
    /// shape its sibling endpoints use, with fields the provider's console shows and a few the
    /// client must keep without knowing.
    private static func row(_ ip: SimStaticIP, _ context: RouteContext) -> JSONValue {
        .object([
            ("id", .integer(Int64(ip.id))), ("ip", .string(ip.ip)), ("port", .integer(Int64(ip.port))),
            ("username", .string(ip.username)), ("password", .string(ip.password)),
            ("country_code", .string(ip.countryCode)), ("city", .string(ip.city)),
            ("status", .integer(Int64(ip.status(at: context.now)))),
            ("created_at", context.localDate(ip.createdAt)), ("expired_at", context.localDate(ip.expiresAt)),
            ("trade_no", .string(ip.tradeNo)), ("product_type", .integer(Int64(ip.productType))),
            ("isp", .string(ip.isp)), ("asn", .integer(Int64(ip.asn))), ("auto_renew", .integer(ip.autoRenew ? 1 : 0)),
        ])
    }
}
