import Foundation

/// A new proxy account for whitelist-account/add.
public struct NewAccount: Sendable, Hashable {
    public var username: String
    public var password: String
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// The changes proxy-account/change can make in one call; nil fields are left as they are.
public struct AccountChange: Sendable, Hashable {
    public var password: String?
    public var remark: String?
    /// GB, 0 = unlimited.
    public var limitGB: Int?
    /// GB per day, 0 = unlimited.
    public var dailyLimitGB: Int?
    public var enabled: Bool?
    /// Only for product types 14, 16, 21 and 25.
    public var udp: Bool?

    public init(
        password: String? = nil, remark: String? = nil, limitGB: Int? = nil, dailyLimitGB: Int? = nil,
        enabled: Bool? = nil, udp: Bool? = nil
    ) {
        self.password = password
        self.remark = remark
        self.limitGB = limitGB
        self.dailyLimitGB = dailyLimitGB
        self.enabled = enabled
        self.udp = udp
    }

    public var isEmpty: Bool {
        password == nil && remark == nil && limitGB == nil && dailyLimitGB == nil && enabled == nil && udp == nil
    }
}

/// How long a static-IP renewal runs: one month, two months, or to the end of next month.
public enum RenewDuration: String, Sendable, Hashable, CaseIterable {
    case oneMonth = "1m"
    case twoMonths = "2m"
    case endOfNextMonth = "em"
}

/// The body shared by order/create and order/check.
public struct OrderRequest: Sendable, Hashable {
    public var productID: Int
    public var paymentMethodID: Int
    /// Static-IP or package ids to renew (`upids`).
    public var renewIDs: [Int]
    public var amount: Int?
    /// `JP,15,333|DE,10` for static-IP purchases.
    public var regionList: String?
    public var couponCode: String?
    public var useInvitationDiscount: Bool?
    public var renewDuration: RenewDuration?
    public var bandwidthSKU: Int?
    public var concurrencySKU: Int?
    public var durationSKU: Int?
    public var durationMultiplier: Int?
    public var rechargeAmount: Int?

    public init(
        productID: Int, paymentMethodID: Int, renewIDs: [Int] = [], amount: Int? = nil, regionList: String? = nil,
        couponCode: String? = nil, useInvitationDiscount: Bool? = nil, renewDuration: RenewDuration? = nil,
        bandwidthSKU: Int? = nil, concurrencySKU: Int? = nil, durationSKU: Int? = nil,
        durationMultiplier: Int? = nil, rechargeAmount: Int? = nil
    ) {
        self.productID = productID
        self.paymentMethodID = paymentMethodID
        self.renewIDs = renewIDs
        self.amount = amount
        self.regionList = regionList
        self.couponCode = couponCode
        self.useInvitationDiscount = useInvitationDiscount
        self.renewDuration = renewDuration
        self.bandwidthSKU = bandwidthSKU
        self.concurrencySKU = concurrencySKU
        self.durationSKU = durationSKU
        self.durationMultiplier = durationMultiplier
        self.rechargeAmount = rechargeAmount
    }

    /// The body for order/create (`checking` false) or order/check. Where their tables disagree the
    /// value sent is one both readings accept: `amount` and `recharge_amount` go as integers (a
    /// number to one table, an integer to the other); `region_list` in create's
    /// `country,count[,ASN]` form, the one that buys (check says its parameters are create's);
    /// `use_invitation_registration_discount` only to create, whose table alone has it.
    /// `renew_duration` stays check's `1m`/`2m`/`em`, the choices the UI offers, though create's
    /// table says integer: a server holding to that answers code 400 naming the field.
    func body(checking: Bool) -> [(String, JSONValue?)] {
        [
            ("pid", .integer(Int64(productID))),
            ("upids", renewIDs.isEmpty ? nil : .string(renewIDs.map(String.init).joined(separator: ","))),
            ("amount", amount.map { .integer(Int64($0)) }),
            ("pm_id", .integer(Int64(paymentMethodID))),
            ("region_list", regionList.map(JSONValue.string)),
            ("coupon_sn", couponCode.map(JSONValue.string)),
            ("use_invitation_registration_discount", checking ? nil : useInvitationDiscount.map(JSONValue.bool)),
            ("renew_duration", renewDuration.map { .string($0.rawValue) }),
            ("product_sku_bandwidth_id", bandwidthSKU.map { .integer(Int64($0)) }),
            ("product_sku_concurrency_id", concurrencySKU.map { .integer(Int64($0)) }),
            ("product_sku_duration_id", durationSKU.map { .integer(Int64($0)) }),
            ("etd", durationMultiplier.map { .integer(Int64($0)) }),
            ("recharge_amount", rechargeAmount.map { .integer(Int64($0)) }),
        ]
    }
}

/// Filters of order/list.
public struct OrderFilter: Sendable, Hashable {
    public var tradeNo: String?
    public var start: Date?
    public var end: Date?
    public var status: OrderStatus?
    public var productType: ProductType?
    public var invoice: InvoiceFilter?
    /// The reference filters on `.overpaid` (1) and `.underpaid` (2) only.
    public var payFeeStatus: PayFeeStatus?

    public init(
        tradeNo: String? = nil, start: Date? = nil, end: Date? = nil, status: OrderStatus? = nil,
        productType: ProductType? = nil, invoice: InvoiceFilter? = nil, payFeeStatus: PayFeeStatus? = nil
    ) {
        self.tradeNo = tradeNo
        self.start = start
        self.end = end
        self.status = status
        self.productType = productType
        self.invoice = invoice
        self.payFeeStatus = payFeeStatus
    }
}

/// Filters of ip/get-static-ip.
public struct StaticIPFilter: Sendable, Hashable {
    public var countryCode: String?
    public var productType: ProductType?
    public var tradeNo: String?
    public var status: StaticIPStatus?
    public init(
        countryCode: String? = nil, productType: ProductType? = nil, tradeNo: String? = nil,
        status: StaticIPStatus? = nil
    ) {
        self.countryCode = countryCode
        self.productType = productType
        self.tradeNo = tradeNo
        self.status = status
    }
}

/// order/list's `invoice`: 0 no restriction, 1 invoiced, -1 not invoiced (one may still be issued).
public enum InvoiceFilter: Int, Sendable, Hashable, CaseIterable {
    case any = 0
    case invoiced = 1
    case notInvoiced = -1
}

/// Filters of user-product/list.
public struct PackageFilter: Sendable, Hashable {
    public var productType: ProductType?
    /// The whole trade number: the provider does not search by part of one.
    public var tradeNo: String?
    public init(productType: ProductType? = nil, tradeNo: String? = nil) {
        self.productType = productType
        self.tradeNo = tradeNo
    }
}

/// Filters of user-usage-flow/total; a missing start is the provider's 7 days back, a missing
/// end is now. Times are sent in the provider's zone.
public struct FlowFilter: Sendable, Hashable {
    public var start: Date?
    public var end: Date?
    public var productType: ProductType?
    public var username: String?
    public init(start: Date? = nil, end: Date? = nil, productType: ProductType? = nil, username: String? = nil) {
        self.start = start
        self.end = end
        self.productType = productType
        self.username = username
    }
}

/// The network an extraction goes through (`ep`).
public enum ExtractionNetwork: String, Sendable, Hashable, CaseIterable {
    case us, hk, de
}

/// The answer format of ip/v3.
public enum ExtractionFormat: Sendable, Hashable {
    case json
    /// Plain text, one endpoint per line or separated by `separator` (`lb`).
    case text(separator: String?)
}

/// Parameters of ip/v3.
public struct ExtractionRequest: Sendable, Hashable {
    public var countryCode: String?
    public var state: String?
    public var city: String?
    public var count: Int?
    /// Session lifetime in minutes.
    public var lifetimeMinutes: Int?
    public var network: ExtractionNetwork?

    public init(
        countryCode: String? = nil, state: String? = nil, city: String? = nil, count: Int? = nil,
        lifetimeMinutes: Int? = nil, network: ExtractionNetwork? = nil
    ) {
        self.countryCode = countryCode
        self.state = state
        self.city = city
        self.count = count
        self.lifetimeMinutes = lifetimeMinutes
        self.network = network
    }
}

/// How proxy-ip/delete proves it is the owner, when the provider asks.
public struct DeletionVerification: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case phone, email, wechat, totp }
    public var kind: Kind
    public var code: String
    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }
}

/// Filters of ip/static-ip-region.
public struct StaticIPRegionFilter: Sendable, Hashable {
    /// 0 datacenter, 1 residential ISP.
    public var isp: Int?
    public var groupByASN: Bool?
    public var exclusiveOnly: Bool?
    public init(isp: Int? = nil, groupByASN: Bool? = nil, exclusiveOnly: Bool? = nil) {
        self.isp = isp
        self.groupByASN = groupByASN
        self.exclusiveOnly = exclusiveOnly
    }
}

/// Printed without the password, so that a log line or a failing test cannot show it.
extension NewAccount: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "NewAccount(\(username), password: ••••••)" }
    public var debugDescription: String { description }
}

extension AccountChange: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        let fields: [String?] = [
            password.map { _ in "password: ••••••" }, remark.map { "remark: \($0.debugDescription)" }, limitGB.map { "limit: \($0)" },
            dailyLimitGB.map { "dailyLimit: \($0)" }, enabled.map { "enabled: \($0)" }, udp.map { "udp: \($0)" },
        ]
        return "AccountChange(\(fields.compactMap { $0 }.joined(separator: ", ")))"
    }
    public var debugDescription: String { description }
}
