import Foundation
import ProxyLiteAPI

/// How order/check and order/create read and price a body. Strict where the reference states a
/// rule (a product on sale and not custom-only, stock left where it is counted, an enabled
/// payment method within its bounds, the SKUs type 11 needs, a known coupon), each refusal in the
/// reference's code-400 shape naming the field.
extension OrderRoutes {
    typealias Method = (group: String, id: Int, title: String, min: Double, max: Double)

    struct Quote {
        let product: Catalogue.ProductEntry
        let method: Method
        let amount: Int
        let unitPrice: Double
        let total: Double
        let discount: Double
        let detail: String
        let regionList: String?
        let ipLines: [JSONValue]

        var payFee: Double { cents(total - discount) }
    }

    /// What a body buys or renews, before coupon and payment.
    struct Priced {
        var amount: Int
        var unitPrice: Double
        var total: Double
        var detail: String
        var regionList: String? = nil
        var ipLines: [JSONValue] = []
    }

    static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func quote(
        _ world: World, _ request: SimRequest, _ context: RouteContext, creating: Bool
    ) throws(SimulatorError) -> Quote {
        let product = try orderableProduct(request)
        let method = try enabledMethod(request)
        let multiplier = try durationMultiplier(request)
        let priced: Priced
        if let upids = request.text("upids"), !upids.isEmpty {
            let months = try renewMonths(request, context, creating: creating)
            priced =
                product.type == 19
                ? try staticIPRenewal(world, upids, product, months: months, context)
                : try packageRenewal(world, upids, product, multiplier: multiplier)
        } else if product.type == 3 {
            priced = try topUp(request, method)
        } else {
            priced = try purchase(request, product, multiplier: multiplier)
        }
        let discount = try couponDiscount(request, total: priced.total)
        let quote = Quote(
            product: product, method: method, amount: priced.amount, unitPrice: priced.unitPrice, total: priced.total,
            discount: discount, detail: priced.detail, regionList: priced.regionList, ipLines: priced.ipLines)
        guard quote.payFee >= method.min, quote.payFee <= method.max else {
            throw .badParameters([
                "pm_id": ["\(method.title) 支付金额须在 \(amountText(method.min)) 到 \(amountText(method.max)) 之间: \(amountText(quote.payFee))"]
            ])
        }
        return quote
    }

    private static func amountText(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The product named by `pid`: listed, not custom-only, on sale.
    private static func orderableProduct(_ request: SimRequest) throws(SimulatorError) -> Catalogue.ProductEntry {
        guard let pid = try request.int("pid") else { throw .badParameters(["pid": ["pid 不能为空"]]) }
        guard let product = Catalogue.listed.first(where: { $0.id == pid }) else {
            throw .badParameters(["pid": ["套餐不存在: \(pid)"]])
        }
        guard product.showType != 3 else { throw .badParameters(["pid": ["该套餐不可购买(需定制): \(pid)"]]) }
        guard product.onSale else { throw .badParameters(["pid": ["该套餐已下架: \(pid)"]]) }
        return product
    }

    private static func enabledMethod(_ request: SimRequest) throws(SimulatorError) -> Method {
        guard let pmID = try request.int("pm_id") else { throw .badParameters(["pm_id": ["pm_id 不能为空"]]) }
        guard let method = Catalogue.allMethods.first(where: { $0.id == pmID }) else {
            throw .badParameters(["pm_id": ["支付方式不存在: \(pmID)"]])
        }
        guard !Catalogue.isDisabled(pmID) else { throw .badParameters(["pm_id": ["支付方式已停用: \(method.title)"]]) }
        return method
    }

    /// `etd`, one of the product's extension_of_time_days, as a price factor.
    private static func durationMultiplier(_ request: SimRequest) throws(SimulatorError) -> Double {
        guard let etd = try request.int("etd") else { return 1 }
        guard Catalogue.durationMultipliers.contains(etd) else {
            throw .badParameters(["etd": ["etd 须为 \(Catalogue.durationMultipliers.map(String.init).joined(separator: "、")) 之一"]])
        }
        return 1 + Double(etd - 1) * Catalogue.durationPriceRate
    }

    /// The two tables disagree on `renew_duration` (create: integer; check: `1m`/`2m`/`em`);
    /// `configuration.orderReading` says which one create holds to.
    private static func renewMonths(_ request: SimRequest, _ context: RouteContext, creating: Bool) throws(SimulatorError) -> Double {
        if creating, context.configuration.orderReading == .createTable, let duration = request.text("renew_duration") {
            guard case .integer(let count)? = request.body["renew_duration"], count > 0 else {
                throw .badParameters(["renew_duration": ["renew_duration 必须是整数(月数): \(duration)"]])
            }
            return Double(count)
        }
        guard let duration = request.text("renew_duration"), !duration.isEmpty else { return 1 }
        switch duration {
        case "1m": return 1
        case "2m": return 2
        case "em":
            // To the end of next month: this month's remainder plus one month.
            let day = Double(Int(APIDate.providerString(context.now, offset: context.offset, dateOnly: true).suffix(2)) ?? 1)
            return 1 + max(0, 30 - day) / 30
        default: throw .badParameters(["renew_duration": ["renew_duration 仅支持 1m、2m、em"]])
        }
    }

    private static func staticIPRenewal(
        _ world: World, _ upids: String, _ product: Catalogue.ProductEntry, months: Double, _ context: RouteContext
    ) throws(SimulatorError) -> Priced {
        var lines: [JSONValue] = []
        var total = 0.0
        for idText in Validation.list(upids) {
            guard let id = Int(idText), let ip = world.staticIPs.first(where: { $0.id == id }) else {
                throw .badParameters(["upids": ["IP 不存在: \(idText)"]])
            }
            guard ip.productType == product.parentType else {
                throw .badParameters(["upids": ["IP \(ip.ip) 不属于该续费套餐的产品线"]])
            }
            let price = cents(product.priceUSD * months)
            total += price
            let renewed = max(ip.expiresAt, context.now).addingTimeInterval(months * 30 * 86_400)
            let country = Catalogue.country(ip.countryCode)
            lines.append(
                .object([
                    ("ip", .string(ip.ip)), ("price", .number(price)), ("country_code", .string(ip.countryCode)),
                    ("current_time", context.isoDate(ip.expiresAt)), ("renewal_time", context.isoDate(renewed)),
                    (
                        "country",
                        .object([("name_zh_cn", .string(country?.zh ?? ip.countryCode)), ("flag", ""), ("square_flag", "")])
                    ),
                ]))
        }
        return Priced(
            amount: lines.count, unitPrice: product.priceUSD, total: cents(total), detail: "renew \(lines.count) IP",
            ipLines: lines)
    }

    /// `upids` from user-product/list: packages of the product's own type, one period each.
    private static func packageRenewal(
        _ world: World, _ upids: String, _ product: Catalogue.ProductEntry, multiplier: Double
    ) throws(SimulatorError) -> Priced {
        var count = 0
        for idText in Validation.list(upids) {
            guard let id = Int(idText), let package = world.packages.first(where: { $0.id == id }) else {
                throw .badParameters(["upids": ["套餐不存在: \(idText)"]])
            }
            guard package.productType == product.type else {
                throw .badParameters(["upids": ["套餐 \(id) 的类型 \(package.productType) 与续费套餐的类型 \(product.type) 不符"]])
            }
            count += 1
        }
        let unit = cents((product.priceUSD == 0 ? 199 : product.priceUSD) * multiplier)
        return Priced(
            amount: count, unitPrice: unit, total: cents(unit * Double(count)), detail: "renew \(count) × \(product.title)")
    }

    /// Type 3: `recharge_amount` is the price; the balance cannot pay for its own top-up.
    private static func topUp(_ request: SimRequest, _ method: Method) throws(SimulatorError) -> Priced {
        guard let recharge = try request.int("recharge_amount"), recharge > 0 else {
            throw .badParameters(["recharge_amount": ["充值金额不能为空"]])
        }
        guard method.id != Catalogue.balanceMethodID else {
            throw .badParameters(["pm_id": ["余额充值不能使用余额支付"]])
        }
        return Priced(amount: 1, unitPrice: Double(recharge), total: Double(recharge), detail: "top-up")
    }

    private static func purchase(
        _ request: SimRequest, _ product: Catalogue.ProductEntry, multiplier: Double
    ) throws(SimulatorError) -> Priced {
        if product.type == 11 { return try skuPurchase(request, product, multiplier: multiplier) }
        var amount = try request.int("amount") ?? 1
        guard amount > 0 else { throw .badParameters(["amount": ["购买数量须大于 0"]]) }
        let regionList = request.text("region_list").flatMap { $0.isEmpty ? nil : $0 }
        if let regionList { amount = try regionCount(regionList) }
        if let stock = product.stock, stock.remaining < amount {
            throw .badParameters(["amount": ["库存不足: 剩余 \(stock.remaining)"]])
        }
        let unit = cents(product.priceUSD * multiplier)
        return Priced(
            amount: amount, unitPrice: unit, total: cents(unit * Double(amount)), detail: "\(amount) × \(product.title)",
            regionList: regionList)
    }

    /// `JP,15,333|DE,10`: the number of IPs it asks for.
    private static func regionCount(_ regionList: String) throws(SimulatorError) -> Int {
        var count = 0
        for entry in regionList.split(separator: "|") {
            let fields = entry.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(fields.count), Catalogue.country(fields[0]) != nil, let n = Int(fields[1]), n > 0,
                fields.count == 2 || Int(fields[2]) != nil
            else {
                throw .badParameters(["region_list": ["格式错误: \(entry),应为 地区,数量,ASN"]])
            }
            count += n
        }
        return count
    }

    /// Type 11: check's table requires all three SKUs, create's the duration; all three are asked.
    private static func skuPurchase(
        _ request: SimRequest, _ product: Catalogue.ProductEntry, multiplier: Double
    ) throws(SimulatorError) -> Priced {
        let lists: [(field: String, skus: [Catalogue.SKU])] = [
            ("product_sku_bandwidth_id", Catalogue.bandwidthSKUs), ("product_sku_concurrency_id", Catalogue.concurrencySKUs),
            ("product_sku_duration_id", Catalogue.durationSKUs),
        ]
        var price = 0.0
        for (field, skus) in lists {
            guard let id = try request.int(field) else { throw .badParameters([field: ["\(field) 不能为空"]]) }
            guard let sku = skus.first(where: { $0.id == id }) else { throw .badParameters([field: ["规格不存在: \(id)"]]) }
            price += sku.priceUSD
        }
        let unit = cents(price * multiplier)
        return Priced(amount: 1, unitPrice: unit, total: unit, detail: "1 × \(product.title)")
    }

    private static func couponDiscount(_ request: SimRequest, total: Double) throws(SimulatorError) -> Double {
        guard let code = request.text("coupon_sn"), !code.isEmpty else { return 0 }
        guard let share = Catalogue.coupons[code.uppercased()] else {
            throw .badParameters(["coupon_sn": ["优惠券不存在或已失效: \(code)"]])
        }
        return cents(total * share)
    }
}
