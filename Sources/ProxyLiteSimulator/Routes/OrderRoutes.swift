import Foundation
import ProxyLiteAPI

/// order/list, order/create, order/check, order/close.
enum OrderRoutes {
    static let routes: [Route] = [
        Route(endpoint: .orderList, style: .modern, handler: list),
        Route(endpoint: .orderCreate, style: .modern) { world, request, context throws(SimulatorError) in
            let quote = try quote(world, request, context, creating: true)
            let charged = context.configuration.balanceChargesAtOnce && quote.method.id == Catalogue.balanceMethodID
            var random = SeededRandom(seed: world.seed &+ UInt64(world.nextOrderID))
            let order = SimOrder(
                id: world.nextOrderID, tradeNo: World.tradeNo(context.now, &random),
                outTradeNo: "", productID: quote.product.id, productType: quote.product.type, amount: quote.amount,
                unitPrice: quote.unitPrice, totalFee: quote.total, discountFee: quote.discount, handlingFee: 0, refundFee: 0,
                paymentMethodID: quote.method.id, paymentMethodTitle: quote.method.title, status: charged ? 1 : 0,
                title: quote.product.title, detail: quote.detail, regionDescription: quote.regionList ?? "",
                paidAt: charged ? context.now : nil, createdAt: context.now, payFeeStatus: 0)
            world.nextOrderID += 1
            world.orders.insert(order, at: 0)
            return .json(json(order, world: world, context: context))
        },
        Route(endpoint: .orderCheck, style: .modern) { world, request, context throws(SimulatorError) in
            let quote = try quote(world, request, context, creating: false)
            let faults = context.configuration.faults
            let answer = JSONValue.object([
                ("product_id", .integer(Int64(quote.product.id))), ("amount", .integer(Int64(quote.amount))),
                ("discount_fee", .number(quote.discount)), ("total_fee", .number(quote.total)),
                ("pay_fee", .number(quote.payFee)),
                ("product_type", .integer(Int64(quote.product.type))), ("title", .string(quote.product.title)),
                ("detail", .string(quote.detail)), ("ip_result", .array(HostileRows.apply(quote.ipLines, .orderCheckIPs, plan: faults))),
            ])
            return .json(HostileRows.apply(answer, .orderCheck, index: 0, plan: faults))
        },
        Route(endpoint: .orderClose, style: .modern) { world, request, context throws(SimulatorError) in
            guard let tradeNo = request.text("trade_no"), !tradeNo.isEmpty else {
                throw .badParameters(["trade_no": ["trade_no 不能为空"]])
            }
            guard let index = world.orders.firstIndex(where: { $0.tradeNo == tradeNo }) else {
                throw .failure("订单不存在", code: 404)
            }
            guard world.orderStatus(world.orders[index], now: context.now, timeout: context.configuration.orderTimeout) == 0
            else { throw .failure("订单状态不允许取消", code: 422) }
            world.orders[index].status = 2
            return .json(.object([]))
        },
    ]

    private static func list(
        _ world: inout World, _ request: SimRequest, _ context: RouteContext
    )
        throws(SimulatorError) -> Route.Answer
    {
        let page = max(1, try request.int("page_no") ?? 1)
        let size = try request.int("page_size") ?? 10
        guard (1...100).contains(size) else { throw .badParameters(["page_size": ["page_size 须在 1 到 100 之间"]]) }
        let start = try FlowRoutes.date(request, "start_time", context)
        let end = try FlowRoutes.date(request, "end_time", context)
        let filter = try OrderListFilter(request)
        let tradeNo = request.text("trade_no").flatMap { $0.isEmpty ? nil : $0 }
        let timeout = context.configuration.orderTimeout
        let matching = world.orders.filter { order in
            if let tradeNo, order.tradeNo != tradeNo { return false }
            if let start, order.createdAt < start { return false }
            if let end, order.createdAt >= end { return false }
            if let status = filter.status, world.orderStatus(order, now: context.now, timeout: timeout) != status { return false }
            return filter.matches(order)
        }
        let pages = max(1, (matching.count + size - 1) / size)
        let slice = matching.dropFirst((page - 1) * size).prefix(size)
        return .json(
            .object([
                (
                    "list",
                    .array(
                        slice.enumerated().map { offset, order in
                            HostileRows.apply(
                                json(order, world: world, context: context), .orders, index: (page - 1) * size + offset,
                                plan: context.configuration.faults)
                        })
                ),
                (
                    "pagination",
                    .object([
                        ("total", .integer(Int64(matching.count))), ("page_no", .integer(Int64(page))),
                        ("page_size", .integer(Int64(size))), ("total_pages", .integer(Int64(pages))),
                    ])
                ),
            ]))
    }

    static func json(_ order: SimOrder, world: World, context: RouteContext) -> JSONValue {
        let status = world.orderStatus(order, now: context.now, timeout: context.configuration.orderTimeout)
        return .object([
            ("id", .integer(Int64(order.id))), ("trade_no", .string(order.tradeNo)),
            ("out_trade_no", .string(order.outTradeNo)), ("product_id", .integer(Int64(order.productID))),
            ("product_type", .integer(Int64(order.productType))), ("amount", .integer(Int64(order.amount))),
            ("unit_price", .number(order.unitPrice)), ("total_fee", .number(order.totalFee)),
            ("goods_fee", .number(order.goodsFee)), ("pay_fee", .number(order.payFee)),
            ("discount_fee", .number(order.discountFee)), ("handling_fee", .number(order.handlingFee)),
            ("refund_fee", .number(order.refundFee)), ("pm_id", .integer(Int64(order.paymentMethodID))),
            ("pm_title", .string(order.paymentMethodTitle)), ("pm_logo", ""), ("status", .integer(Int64(status))),
            ("title", .string(order.title)), ("detail", .string(order.detail)),
            ("region_desc", .string(order.regionDescription)), ("pay_at", context.isoDate(order.paidAt)),
            ("pay_timestamp", .integer(Int64(order.paidAt?.timeIntervalSince1970 ?? 0))),
            ("created_at", context.isoDate(order.createdAt)), ("pay_fee_status", .integer(Int64(order.payFeeStatus))),
            ("invoice", order.invoiced ? invoiceJSON(order) : context.quirks ? .array([]) : .null),
        ])
    }

    /// The invoice of an invoiced order, in the reference's shape (made up from the order).
    private static func invoiceJSON(_ order: SimOrder) -> JSONValue {
        .object([
            ("name", .string("Customer \(order.id)")), ("org_name", ""), ("email", .string("billing\(order.id)@example.invalid")),
            ("role_type", 1), ("vat_id", ""), ("address_country", "DE"),
        ])
    }
}
