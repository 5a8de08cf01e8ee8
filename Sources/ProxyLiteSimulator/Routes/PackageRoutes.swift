import Foundation
import ProxyLiteAPI

/// user-product/list and user-product/summary.
enum PackageRoutes {
    static let routes: [Route] = [
        Route(endpoint: .packageList, style: .legacy) { world, request, context throws(SimulatorError) in
            let (page, size) = try pageAndSize(request, defaultSize: 20, maxSize: 100)
            let type = try request.int("product_type")
            let tradeNo = request.text("trade_no").flatMap { $0.isEmpty ? nil : $0 }
            let matching = world.packages.filter {
                (type == nil || $0.productType == type) && (tradeNo == nil || $0.tradeNo == tradeNo)
            }
            let first = (page - 1) * size
            let items = matching.dropFirst(first).prefix(size).enumerated().map { offset, p -> JSONValue in
                HostileRows.apply(row(p, context), .packages, index: first + offset, plan: context.configuration.faults)
            }
            return .json(paged(items, page: page, size: size, total: matching.count))
        },
        Route(endpoint: .packageSummary, style: .legacy) { world, request, context throws(SimulatorError) in
            let type = try request.int("product_type")
            if let type, type != 9, type != 12 {
                throw .badParameters(["product_type": ["仅支持 9、12"]])
            }
            var s = (
                total: Int64(0), count: 0, effective: Int64(0), effectiveCount: 0, effectiveTotal: Int64(0),
                effectiveUsed: Int64(0), temporary: Int64(0), temporaryCount: 0, expired: Int64(0), expiredCount: 0,
                used: Int64(0)
            )
            for p in world.packages where type == nil || p.productType == type {
                let left = p.totalKB - p.usedKB
                s.total += p.totalKB
                s.count += 1
                s.used += p.usedKB
                if p.expiresAt <= context.now {
                    s.expired += left
                    s.expiredCount += 1
                } else {
                    s.effective += left
                    s.effectiveCount += 1
                    s.effectiveTotal += p.totalKB
                    s.effectiveUsed += p.usedKB
                    if p.expiresAt.timeIntervalSince(context.now) <= 7 * 86_400 {
                        s.temporary += left
                        s.temporaryCount += 1
                    }
                }
            }
            func n(_ v: Int64) -> JSONValue { context.quirks ? .string(String(v)) : .integer(v) }
            return .json(
                .object([
                    ("total", n(s.total)), ("total_count", .integer(Int64(s.count))), ("effective", n(s.effective)),
                    ("effective_count", .integer(Int64(s.effectiveCount))), ("effective_total", n(s.effectiveTotal)),
                    ("effective_used", n(s.effectiveUsed)), ("temporary", n(s.temporary)),
                    ("temporary_count", .integer(Int64(s.temporaryCount))), ("expired", n(s.expired)),
                    ("expired_count", .integer(Int64(s.expiredCount))), ("used", n(s.used)),
                ]))
        },
    ]

    static func pageAndSize(_ request: SimRequest, defaultSize: Int, maxSize: Int) throws(SimulatorError) -> (Int, Int) {
        let page = try request.int("page") ?? 1
        let size = try request.int("size") ?? defaultSize
        guard page >= 1 else { throw .badParameters(["page": ["page 须大于 0"]]) }
        guard (1...maxSize).contains(size) else { throw .badParameters(["size": ["size 须在 1 到 \(maxSize) 之间"]]) }
        return (page, size)
    }

    /// The page/size answer shape: `list` beside `page`, `page_size`, `total_count`, `total_page`.
    /// One purchased package as user-product/list sends it.
    private static func row(_ p: SimPackage, _ context: RouteContext) -> JSONValue {
        .object([
            ("id", .integer(Int64(p.id))), ("created_at", context.localDate(p.createdAt)),
            ("expired_at", context.localDate(p.expiresAt)), ("product_type", .integer(Int64(p.productType))),
            ("trade_no", .string(p.tradeNo)),
            (
                "order",
                .object([
                    ("created_at", context.localDate(p.orderCreatedAt)), ("pay_at", context.localDate(p.paidAt)),
                    ("title", .string(p.title)),
                ])
            ),
        ])
    }

    static func paged(_ items: [JSONValue], page: Int, size: Int, total: Int) -> JSONValue {
        .object([
            ("list", .array(items)), ("page", .integer(Int64(page))), ("page_size", .integer(Int64(size))),
            ("total_count", .integer(Int64(total))), ("total_page", .integer(Int64((total + size - 1) / size))),
        ])
    }
}
