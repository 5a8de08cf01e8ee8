import Foundation
import ProxyLiteAPI

/// A sub-account as the simulated provider stores it. Usage grows on its own at `rateKBps`
/// while enabled; it is settled into `usageKB` whenever something about the account changes.
struct SimAccount: Sendable {
    var id: Int
    var username: String
    var password: String
    var createdAt: Date
    var remark: String
    var productType: Int
    var usageKB: Double
    var usageAsOf: Date
    var rateKBps: Double
    var limitGB: Int
    var dailyLimitGB: Int
    var enabled: Bool
    var udp: Bool

    func usage(at now: Date) -> Double {
        var used = usageKB + (enabled ? rateKBps * max(0, now.timeIntervalSince(usageAsOf)) : 0)
        if limitGB > 0 { used = min(used, Double(limitGB) * 1024 * 1024) }
        return used
    }

    mutating func settle(at now: Date) {
        usageKB = usage(at: now)
        usageAsOf = now
    }
}

struct SimWhitelistIP: Sendable {
    var ip: String
    var remark: String
    var productType: Int
    var createdAt: Date
}

struct SimPackage: Sendable {
    var id: Int
    var createdAt: Date
    var expiresAt: Date
    var productType: Int
    var tradeNo: String
    var orderCreatedAt: Date
    var paidAt: Date
    var title: String
    var totalKB: Int64
    var usedKB: Int64
}

struct SimStaticIP: Sendable {
    var id: Int
    var ip: String
    var port: Int
    var username: String
    var password: String
    var countryCode: String
    var city: String
    var createdAt: Date
    var expiresAt: Date
    var maintenance: Bool
    var tradeNo: String
    var productType: Int
    var isp: String
    var asn: Int
    var autoRenew: Bool

    /// 1 valid, 2 invalid (expired), 3 expiring within 7 days, 4 maintenance.
    func status(at now: Date) -> Int {
        if expiresAt <= now { return 2 }
        if maintenance { return 4 }
        if expiresAt.timeIntervalSince(now) <= 7 * 86_400 { return 3 }
        return 1
    }
}

struct SimOrder: Sendable {
    var id: Int
    var tradeNo: String
    var outTradeNo: String
    var productID: Int
    var productType: Int
    var amount: Int
    var unitPrice: Double
    var totalFee: Double
    var discountFee: Double
    var handlingFee: Double
    var refundFee: Double
    var paymentMethodID: Int
    var paymentMethodTitle: String
    var status: Int
    var title: String
    var detail: String
    var regionDescription: String
    var paidAt: Date?
    var createdAt: Date
    var payFeeStatus: Int
    /// An invoice was issued for it (only paid orders get one).
    var invoiced = false

    var goodsFee: Double { totalFee - handlingFee - discountFee }
    var payFee: Double { totalFee - discountFee }
}

/// A change the provider accepted but applies later.
struct PendingMutation: Sendable {
    enum Kind: Sendable {
        case delete([String])
        case setEnabled([String], Bool)
        case password(String, String)
        case change(String, AccountChange)
    }
    var applyAt: Date
    var kind: Kind
}
