import Foundation
import ProxyLiteAPI

/// order/list, order/create, order/check, order/close.
enum OrderRoutes {
    static let routes: [Route] = [
        Route(endpoint: .orderList, style: .modern, handler: list),
        Route(endpoint: .orderCreate, style: .modern) { world, request, context throws(SimulatorError) in
            let quote = try quote(world, request, context, creating: true)
            var random = SeededRandom(seed: world.seed &+ UInt64(world.nextOrderID))
            let order = SimOrder(
                id: world.nextOrderID, tradeNo: World.tradeNo(context.now, &random),
                outTradeNo: "", productID: quote.product.id, productType: quote.product.type, amount: quote.amount,
                unitPrice: quote.unitPrice, totalFee: quote.total, discountFee: 0, handlingFee: 0, refundFee: 0,
                paymentMethodID: quote.method.id, paymentMethodTitle: quote.method.title, status: 0,
                title: quote.product.title, detail: quote.detail, regionDescription: quote.regionList ?? "",
                paidAt: nil, createdAt: context.now, payFeeStatus: 0)
            world.nextOrderID += 1
            world.orders.insert(order, at: 0)
            return .json(json(order, world: world, context: context))
        },
        Route(endpoint: .orderCheck, style: .modern) { world, request, context throws(SimulatorError) in
            let quote = try quote(world, request, context, creating: false)
            let faults = context.configuration.faults
            let answer = JSONValue.object([
                ("product_id", .integer(Int64(quote.product.id))), ("amount", .integer(Int64(quote.amount))),
                ("discount_fee", 0.0), ("total_fee", .number(quote.total)), ("pay_fee", .number(quote.total)),
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

    // MARK: - Pricing

    struct Quote {
        let product: Catalogue.ProductEntry
        let method: (group: String, id: Int, title: String, min: Double, max: Double)
        let amount: Int
        let unitPrice: Double
        let total: Double
        let detail: String
        let regionList: String?
        let ipLines: [JSONValue]
    }

    /// Validates an order/create or order/check body and prices it. The two tables disagree on
    /// `renew_duration` (create: integer; check: `1m`/`2m`/`em`); `configuration.orderReading` says
    /// which one create holds to.
    static func quote(
        _ world: World, _ request: SimRequest, _ context: RouteContext, creating: Bool
    ) throws(SimulatorError) -> Quote {
        guard let pid = try request.int("pid") else { throw .badParameters(["pid": ["pid 不能为空"]]) }
        guard let product = Catalogue.products.first(where: { $0.id == pid }) else {
            throw .badParameters(["pid": ["套餐不存在: \(pid)"]])
        }
        guard let pmID = try request.int("pm_id") else { throw .badParameters(["pm_id": ["pm_id 不能为空"]]) }
        guard let method = Catalogue.paymentMethods.first(where: { $0.id == pmID }) else {
            throw .badParameters(["pm_id": ["支付方式不存在: \(pmID)"]])
        }
        var months = 1.0
        if creating, context.configuration.orderReading == .createTable, let duration = request.text("renew_duration") {
            guard case .integer(let count)? = request.body["renew_duration"], count > 0 else {
                throw .badParameters(["renew_duration": ["renew_duration 必须是整数(月数): \(duration)"]])
            }
            months = Double(count)
        } else if let duration = request.text("renew_duration"), !duration.isEmpty {
            switch duration {
            case "1m": months = 1
            case "2m": months = 2
            case "em":
                // To the end of next month: this month's remainder plus one month.
                let day = Double(Int(APIDate.providerString(context.now, offset: context.offset, dateOnly: true).suffix(2)) ?? 1)
                months = 1 + max(0, 30 - day) / 30
            default: throw .badParameters(["renew_duration": ["renew_duration 仅支持 1m、2m、em"]])
            }
        }
        if let upids = request.text("upids"), !upids.isEmpty {
            guard product.type == 19 else { throw .badParameters(["upids": ["该套餐不支持续费"]]) }
            var lines: [JSONValue] = []
            var total = 0.0
            for idText in Validation.list(upids) {
                guard let id = Int(idText), let ip = world.staticIPs.first(where: { $0.id == id }) else {
                    throw .badParameters(["upids": ["IP 不存在: \(idText)"]])
                }
                guard ip.productType == product.parentType else {
                    throw .badParameters(["upids": ["IP \(ip.ip) 不属于该续费套餐的产品线"]])
                }
                let price = (product.priceUSD * months * 100).rounded() / 100
                total += price
                let base = max(ip.expiresAt, context.now)
                let renewed = base.addingTimeInterval(months * 30 * 86_400)
                let country = Catalogue.country(ip.countryCode)
                lines.append(
                    .object([
                        ("ip", .string(ip.ip)), ("price", .number(price)), ("country_code", .string(ip.countryCode)),
                        ("current_time", context.isoDate(ip.expiresAt)), ("renewal_time", context.isoDate(renewed)),
                        (
                            "country",
                            .object([
                                ("name_zh_cn", .string(country?.zh ?? ip.countryCode)), ("flag", ""), ("square_flag", ""),
                            ])
                        ),
                    ]))
            }
            total = (total * 100).rounded() / 100
            return Quote(
                product: product, method: method, amount: lines.count, unitPrice: product.priceUSD, total: total,
                detail: "renew \(lines.count) IP", regionList: nil, ipLines: lines)
        }
        var amount = max(1, try request.int("amount") ?? 1)
        let regionList = request.text("region_list").flatMap { $0.isEmpty ? nil : $0 }
        if let regionList {
            var count = 0
            for entry in regionList.split(separator: "|") {
                let fields = entry.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard fields.count >= 2, Catalogue.country(fields[0]) != nil, let n = Int(fields[1]), n > 0 else {
                    throw .badParameters(["region_list": ["格式错误: \(entry),应为 地区,数量,ASN"]])
                }
                count += n
            }
            amount = count
        }
        if product.type == 3 {
            guard let recharge = try request.int("recharge_amount"), recharge > 0 else {
                throw .badParameters(["recharge_amount": ["充值金额不能为空"]])
            }
            return Quote(
                product: product, method: method, amount: 1, unitPrice: Double(recharge), total: Double(recharge),
                detail: "top-up", regionList: nil, ipLines: [])
        }
        let unit = product.priceUSD == 0 ? 199 : product.priceUSD
        return Quote(
            product: product, method: method, amount: amount, unitPrice: unit,
            total: (unit * Double(amount) * 100).rounded() / 100, detail: "\(amount) × \(product.title)",
            regionList: regionList, ipLines: [])
    }
}
