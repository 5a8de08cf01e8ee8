import Foundation
import ProxyLiteAPI

/// The stable JSON schema of `snapshot --format json` (documented in README): numbers as numbers,
/// bytes as integers, dates as ISO 8601 UTC or null, passwords masked.
struct SnapshotJSON {
    static let schema = "proxylite-top.snapshot/1"

    let now: Date

    static func document(_ data: SnapshotData) -> JSONValue {
        let writer = SnapshotJSON(now: data.fetchedAt)
        var members: [(String, JSONValue)] = [
            ("schema", .string(schema)), ("fetched_at", writer.date(data.fetchedAt)), ("source", .string(data.source)),
        ]
        if let accounts = data.accounts { members.append(("accounts", .array(accounts.map(writer.account)))) }
        if let flow = data.flow { members.append(("flow", .array(flow.map(writer.flow)))) }
        if let ips = data.staticIPs { members.append(("static_ips", .array(ips.map(writer.staticIP)))) }
        if let orders = data.orders { members.append(("orders", .array(orders.map(writer.order)))) }
        if let packages = data.packages { members.append(("packages", .array(packages.map(writer.package)))) }
        if let summary = data.summary { members.append(("package_summary", writer.summary(summary))) }
        if let whitelist = data.whitelist { members.append(("whitelist", .array(whitelist.map(writer.whitelistIP)))) }
        if let catalogue = data.catalogue { members += writer.catalogue(catalogue) }
        if let regions = data.regions { members.append(("regions", writer.regions(regions))) }
        // Always present, empty when everything was fetched: scripts can test it without a guard.
        members.append(("errors", .array(data.errors.map(writer.failure))))
        return .object(members)
    }

    func date(_ d: Date?) -> JSONValue { d.map { .string(APIDate.isoString($0)) } ?? .null }
    func int(_ i: Int) -> JSONValue { .integer(Int64(i)) }
    func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    func type(_ t: ProductType, _ section: ProductType.Section) -> JSONValue {
        .object([("code", int(t.code)), ("label", text(t.knownLabel(in: section)))])
    }

    func account(_ a: SubAccount) -> JSONValue {
        let percent: JSONValue = a.usagePercent.map { .number(($0 * 100).rounded() / 100) } ?? .null
        let limit: JSONValue = a.limitBytes.map(JSONValue.integer) ?? .null
        return .object([
            ("id", int(a.id)), ("username", .string(a.username)), ("password", .string(a.password.masked)),
            ("enabled", .bool(a.isEnabled)), ("product_type", type(a.productType, SubAccount.productTypeSection)),
            ("usage_bytes", .integer(a.usageBytes)), ("limit_gb", .integer(a.limitGB)), ("limit_bytes", limit),
            ("usage_percent", percent), ("remark", .string(a.remark)), ("created_at", date(a.createdAt)),
        ])
    }

    func flow(_ f: DailyFlow) -> JSONValue {
        .object([("day", .string(f.day)), ("bytes", .integer(f.bytes))])
    }

    func staticIP(_ ip: StaticIP) -> JSONValue {
        let status: JSONValue = ip.status.map { .string($0.description) } ?? .null
        let statusCode: JSONValue = ip.status.map { int($0.code) } ?? .null
        let productType: JSONValue = ip.productType.map { type($0, StaticIP.productTypeSection) } ?? .null
        let daysLeft: JSONValue = ip.expiresAt.map { int($0.daysLeft(from: now)) } ?? .null
        return .object([
            ("id", ip.id.map(int) ?? .null), ("ip", .string(ip.ip)), ("port", ip.port.map(int) ?? .null),
            ("country_code", .string(ip.countryCode)), ("city", text(ip.city)), ("status", status),
            ("status_code", statusCode), ("product_type", productType), ("created_at", date(ip.createdAt)),
            ("expires_at", date(ip.expiresAt)), ("days_left", daysLeft), ("trade_no", text(ip.tradeNo)),
            ("raw", ip.maskedRaw),
        ])
    }

    /// A status or type the order did not send is "unknown" / null, never unpaid or type 0.
    func order(_ o: Order) -> JSONValue {
        .object([
            ("id", int(o.id)), ("trade_no", .string(o.tradeNo)), ("title", .string(o.title)),
            ("product_type", o.productType.map { type($0, Order.productTypeSection) } ?? .null), ("amount", int(o.amount)),
            ("total_fee", .number(o.totalFee)), ("discount_fee", .number(o.discountFee)), ("pay_fee", .number(o.payFee)),
            ("status", .string(o.statusText)), ("status_code", o.status.map { int($0.code) } ?? .null),
            ("payment_method", .string(o.paymentMethodTitle)), ("created_at", date(o.createdAt)),
            ("paid_at", date(o.paidAt)),
            // Added in schema 1 (additions keep the version): over- or underpayment and refunds.
            ("pay_fee_status", o.payFeeStatus.map { .string($0.description) } ?? .null),
            ("pay_fee_status_code", o.payFeeStatus.map { int($0.code) } ?? .null), ("refund_fee", .number(o.refundFee)),
            ("refunded", .bool(o.status == .refunded)),
        ])
    }

    func package(_ p: PurchasedPackage) -> JSONValue {
        let daysLeft: JSONValue = p.expiresAt.map { int($0.daysLeft(from: now)) } ?? .null
        return .object([
            ("id", int(p.id)), ("product_type", type(p.productType, PurchasedPackage.productTypeSection)), ("title", .string(p.orderTitle)),
            ("trade_no", .string(p.tradeNo)), ("created_at", date(p.createdAt)), ("expires_at", date(p.expiresAt)),
            ("days_left", daysLeft),
        ])
    }

    func summary(_ s: PackageSummary) -> JSONValue {
        .object([
            ("total_bytes", .integer(s.totalBytes)), ("total_count", int(s.totalCount)),
            ("effective_bytes", .integer(s.effectiveBytes)), ("effective_count", int(s.effectiveCount)),
            ("effective_total_bytes", .integer(s.effectiveTotalBytes)),
            ("effective_used_bytes", .integer(s.effectiveUsedBytes)), ("expiring_bytes", .integer(s.expiringBytes)),
            ("expiring_count", int(s.expiringCount)), ("expired_bytes", .integer(s.expiredBytes)),
            ("expired_count", int(s.expiredCount)), ("used_bytes", .integer(s.usedBytes)),
        ])
    }
}
