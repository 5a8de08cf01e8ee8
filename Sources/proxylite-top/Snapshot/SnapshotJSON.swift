import Foundation
import ProxyLiteAPI

/// The stable JSON schema of `snapshot --format json` (documented in README): numbers as numbers,
/// bytes as integers, dates as ISO 8601 UTC, `"never"` (year 2100 and later) or null, passwords
/// masked. A value the API sent but the client could not read is null here and is listed in the
/// `unreadable` member (always present).
struct SnapshotJSON {
    static let schema = "proxylite-top.snapshot/1"

    let now: Date

    /// The document, its long lists written row by row as they are streamed (see
    /// `SnapshotJSONDocument`): 100 000 accounts never exist as one tree of values.
    static func document(_ data: SnapshotData) -> SnapshotJSONDocument {
        let writer = SnapshotJSON(now: data.fetchedAt)
        var members: [(String, SnapshotJSONDocument.Member)] = [
            ("schema", .value(.string(schema))), ("fetched_at", .value(writer.date(data.fetchedAt))),
            ("source", .value(.string(data.source))),
        ]
        if let query = data.query { members.append(("query", .value(SnapshotQueryText.json(query)))) }
        if let accounts = data.accounts { members.append(("accounts", .rows(accounts.count, { writer.account(accounts[$0]) }))) }
        if let flow = data.flow { members.append(("flow", .rows(flow.count, { writer.flow(flow[$0]) }))) }
        if let ips = data.staticIPs { members.append(("static_ips", .rows(ips.count, { writer.staticIP(ips[$0]) }))) }
        if let orders = data.orders { members.append(("orders", .rows(orders.count, { writer.order(orders[$0]) }))) }
        if let packages = data.packages { members.append(("packages", .rows(packages.count, { writer.package(packages[$0]) }))) }
        if let summary = data.summary { members.append(("package_summary", .value(writer.summary(summary)))) }
        if let whitelist = data.whitelist {
            members.append(("whitelist", .rows(whitelist.count, { writer.whitelistIP(whitelist[$0]) })))
        }
        if let catalogue = data.catalogue { for (name, value) in writer.catalogue(catalogue) { members.append((name, .value(value))) } }
        if let regions = data.regions { members.append(("regions", .value(writer.regions(regions)))) }
        // Always present, empty when everything was fetched: scripts can test it without a guard.
        members.append(("errors", .value(.array(data.errors.map(writer.failure)))))
        // Likewise always present: every value written as null because it could not be read.
        members.append(("unreadable", .value(.array(SnapshotUnreadable.all(data).map(writer.unreadable)))))
        return SnapshotJSONDocument(members: members)
    }

    func date(_ d: Date?) -> JSONValue { d.map { .string($0.isNever ? "never" : APIDate.isoString($0)) } ?? .null }
    func daysLeft(_ d: Date?) -> JSONValue { d.flatMap { $0.isNever ? nil : int($0.daysLeft(from: now)) } ?? .null }

    func unreadable(_ u: SnapshotUnreadable) -> JSONValue {
        .object([("pane", .string(u.pane.rawValue)), ("id", text(u.id)), ("field", .string(u.field))])
    }

    /// `value`, or null when any of `names` (or the whole row) could not be read.
    func readable(_ value: @autoclosure () -> JSONValue, _ fields: UnreadableFields, _ names: String...) -> JSONValue {
        if !fields.isEmpty, fields.contains("row") || names.contains(where: fields.contains) { return .null }
        return value()
    }
    func int(_ i: Int) -> JSONValue { .integer(Int64(i)) }
    func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    func type(_ t: ProductType, _ section: ProductType.Section) -> JSONValue {
        .object([("code", int(t.code)), ("label", text(t.knownLabel(in: section)))])
    }

    func account(_ a: SubAccount) -> JSONValue {
        let u = a.unreadable
        let percent: JSONValue = a.usagePercent.map { .number(($0 * 100).rounded() / 100) } ?? .null
        let limit: JSONValue = a.limitBytes.map(JSONValue.integer) ?? .null
        return .object([
            ("id", readable(int(a.id), u, "id")), ("username", readable(.string(a.username), u, "username")),
            ("password", readable(.string(a.password.masked), u, "password")),
            ("enabled", readable(.bool(a.isEnabled), u, "status")),
            ("product_type", readable(type(a.productType, SubAccount.productTypeSection), u, "product_type")),
            ("usage_bytes", readable(.integer(a.usageBytes), u, "usage_flow")),
            ("limit_gb", readable(.integer(a.limitGB), u, "limit_flow")), ("limit_bytes", readable(limit, u, "limit_flow")),
            ("usage_percent", readable(percent, u, "usage_flow", "limit_flow")), ("remark", readable(.string(a.remark), u, "remark")),
            ("created_at", readable(date(a.createdAt), u, "created_at")),
        ])
    }

    func flow(_ f: DailyFlow) -> JSONValue {
        .object([("day", readable(.string(f.day), f.unreadable, "day")), ("bytes", readable(.integer(f.bytes), f.unreadable, "flow"))])
    }

    func staticIP(_ ip: StaticIP) -> JSONValue {
        let u = ip.unreadable
        let status: JSONValue = ip.status.map { .string($0.description) } ?? .null
        let statusCode: JSONValue = ip.status.map { int($0.code) } ?? .null
        let productType: JSONValue = ip.productType.map { type($0, StaticIP.productTypeSection) } ?? .null
        return .object([
            ("id", ip.id.map(int) ?? .null), ("ip", readable(.string(ip.ip), u, "ip")), ("port", ip.port.map(int) ?? .null),
            ("country_code", readable(.string(ip.countryCode), u, "country_code", "country")), ("city", text(ip.city)),
            ("status", status), ("status_code", statusCode), ("product_type", productType), ("created_at", date(ip.createdAt)),
            ("expires_at", date(ip.expiresAt)), ("never_expires", .bool(ip.expiresAt?.isNever == true)),
            ("days_left", daysLeft(ip.expiresAt)), ("trade_no", text(ip.tradeNo)), ("raw", ip.maskedRaw),
        ])
    }

    /// A status or type the order did not send is "unknown" / null, never unpaid or type 0.
    func order(_ o: Order) -> JSONValue {
        let u = o.unreadable
        return .object([
            ("id", readable(int(o.id), u, "id")), ("trade_no", readable(.string(o.tradeNo), u, "trade_no")),
            ("title", readable(.string(o.title), u, "title")),
            ("product_type", o.productType.map { type($0, Order.productTypeSection) } ?? .null),
            ("amount", readable(int(o.amount), u, "amount")), ("total_fee", readable(.number(o.totalFee), u, "total_fee")),
            ("discount_fee", readable(.number(o.discountFee), u, "discount_fee")), ("pay_fee", readable(.number(o.payFee), u, "pay_fee")),
            ("status", readable(.string(o.statusText), u, "status")), ("status_code", o.status.map { int($0.code) } ?? .null),
            ("payment_method", readable(.string(o.paymentMethodTitle), u, "pm_title")), ("created_at", date(o.createdAt)),
            ("paid_at", date(o.paidAt)),
            // Added in schema 1 (additions keep the version): over- or underpayment and refunds.
            ("pay_fee_status", o.payFeeStatus.map { .string($0.description) } ?? .null),
            ("pay_fee_status_code", o.payFeeStatus.map { int($0.code) } ?? .null),
            ("refund_fee", readable(.number(o.refundFee), u, "refund_fee")), ("refunded", .bool(o.status == .refunded)),
        ])
    }

    func package(_ p: PurchasedPackage) -> JSONValue {
        let u = p.unreadable
        return .object([
            ("id", readable(int(p.id), u, "id")),
            ("product_type", readable(type(p.productType, PurchasedPackage.productTypeSection), u, "product_type")),
            ("title", readable(.string(p.orderTitle), u, "order", "order.title")),
            ("trade_no", readable(.string(p.tradeNo), u, "trade_no")), ("created_at", date(p.createdAt)),
            ("expires_at", date(p.expiresAt)), ("never_expires", .bool(p.expiresAt?.isNever == true)),
            ("days_left", daysLeft(p.expiresAt)),
        ])
    }

    func summary(_ s: PackageSummary) -> JSONValue {
        let u = s.unreadable
        return .object([
            ("total_bytes", readable(.integer(s.totalBytes), u, "total")), ("total_count", readable(int(s.totalCount), u, "total_count")),
            ("effective_bytes", readable(.integer(s.effectiveBytes), u, "effective")),
            ("effective_count", readable(int(s.effectiveCount), u, "effective_count")),
            ("effective_total_bytes", readable(.integer(s.effectiveTotalBytes), u, "effective_total")),
            ("effective_used_bytes", readable(.integer(s.effectiveUsedBytes), u, "effective_used")),
            ("expiring_bytes", readable(.integer(s.expiringBytes), u, "temporary")),
            ("expiring_count", readable(int(s.expiringCount), u, "temporary_count")),
            ("expired_bytes", readable(.integer(s.expiredBytes), u, "expired")),
            ("expired_count", readable(int(s.expiredCount), u, "expired_count")),
            ("used_bytes", readable(.integer(s.usedBytes), u, "used")),
        ])
    }
}
