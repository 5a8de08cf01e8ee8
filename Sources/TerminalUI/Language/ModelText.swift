import Foundation
import ProxyLiteAPI

/// The API models' words as the interface shows them. The models stay English, for the log, JSON
/// and CSV read the same on every host; in English these return exactly the models' own text, so
/// English screens do not change, and in another language the catalogue's.
enum ModelText {
    static var isEnglish: Bool { Language.current == .en }

    static func orderStatus(_ status: OrderStatus) -> String {
        if isEnglish { return status.description }
        switch status {
        case .unpaid: return UIText.mOrderUnpaid()
        case .paid: return UIText.mOrderPaid()
        case .cancelled: return UIText.mOrderCancelled()
        case .refunded: return UIText.mOrderRefunded()
        case .other(let code): return UIText.mStatusN(code)
        }
    }

    /// `Order.statusText`: "unknown" when the order did not say.
    static func orderStatus(_ order: Order) -> String {
        if isEnglish { return order.statusText }
        return order.status.map { orderStatus($0) } ?? UIText.mStatusUnknown()
    }

    static func payFeeStatus(_ status: PayFeeStatus) -> String {
        if isEnglish { return status.description }
        switch status {
        case .normal: return UIText.mPayNormal()
        case .overpaid: return UIText.mPayOverpaid()
        case .underpaid: return UIText.mPayUnderpaid()
        case .other(let code): return UIText.mPayStatusN(code)
        }
    }

    /// `Order.payFeeText`: "" when the order did not say.
    static func payFee(_ order: Order) -> String { order.payFeeStatus.map { payFeeStatus($0) } ?? "" }

    /// `Order.refundText`: the amount is a number in every language; only the word changes.
    static func refund(_ order: Order) -> String {
        if isEnglish || order.refundFee > 0 || order.status != .refunded { return order.refundText }
        return UIText.mRefunded()
    }

    static func ipStatus(_ status: StaticIPStatus) -> String {
        if isEnglish { return status.description }
        switch status {
        case .valid: return UIText.mIPValid()
        case .invalid: return UIText.mIPInvalid()
        case .expiringSoon: return UIText.mIPExpiring()
        case .maintenance: return UIText.mIPMaintenance()
        case .other(let code): return UIText.mStatusN(code)
        }
    }

    /// `ProductType.label(in:)`: the provider's own Chinese name in that section's table, else
    /// the same "type N" fallback.
    static func productType(_ type: ProductType, section: ProductType.Section) -> String {
        if isEnglish { return type.label(in: section) }
        return ChineseTypeNames.chinese(section)[type.code] ?? UIText.mTypeN(type.code)
    }

    /// `Order.typeLabel`: "unknown" when the order did not say.
    static func productType(_ order: Order) -> String {
        if isEnglish { return order.typeLabel }
        return order.productType.map { productType($0, section: Order.productTypeSection) } ?? UIText.mStatusUnknown()
    }

    /// `Product.saleText`: custom-only first, since it overrides the status.
    static func saleText(_ product: Product) -> String {
        if isEnglish { return product.saleText }
        if product.showType == .notPurchasable { return UIText.mSaleCustomOnly() }
        switch product.onSale {
        case true?: return UIText.mSaleYes()
        case false?: return UIText.mSaleNo()
        case nil: return UIText.mStatusUnknown()
        }
    }

    /// `Product.stockText`: total_count 0 means the provider does not limit it.
    static func stock(_ product: Product) -> String? {
        if isEnglish { return product.stockText }
        if product.totalStock == 0 { return UIText.mStockUnlimited() }
        guard let remaining = product.remainingStock else { return product.totalStock.map { UIText.mStockInTotal($0) } }
        return product.totalStock.map { UIText.mStockOf(remaining, $0) } ?? String(remaining)
    }
}

/// The reference's Chinese product-type names, one table per section as `ProductType` keeps the
/// English ones: the same code means different things in different sections.
enum ChineseTypeNames {
    static func chinese(_ section: ProductType.Section) -> [Int: String] {
        switch section {
        case .account: return account
        case .order: return order
        case .product: return product
        case .summary: return summary
        case .staticIP: return staticIP
        }
    }

    /// ref:987 (whitelist-account/*, user-product/list).
    static let account: [Int: String] = [9: "动态住宅流量套餐", 11: "动态住宅IP", 14: "静态数据中心IP", 25: "静态住宅IP"]

    /// ref:451 (order/list).
    static let order: [Int: String] = [
        3: "余额充值", 9: "动态流量套餐", 11: "动态全球包时套餐V2", 12: "长效IDC流量套餐", 13: "住宅静态IP流量套餐",
        14: "数据中心静态IP套餐", 15: "长效ISP流量套餐", 16: "静态流量套餐", 17: "动态IP数量套餐", 18: "web-scraper",
        19: "静态IP续费", 20: "静态IP更换配额", 21: "静态流量套餐v2", 24: "静态流量附加包套餐", 25: "住宅静态IP套餐",
        26: "补单", 27: "Serp", 28: "Video",
    ]

    /// ref:1988 (/product's `type`).
    static let product: [Int: String] = [
        3: "余额充值", 9: "动态住宅流量套餐", 10: "动态全球包时套餐", 11: "定制动态全球包时套餐V2", 12: "长效IDC流量套餐",
        13: "住宅静态IP流量套餐", 14: "数据中心静态IP套餐", 15: "长效ISP流量套餐", 16: "静态流量套餐", 17: "动态住宅IP套餐",
        19: "静态IP续费套餐", 20: "静态IP更换资格", 21: "静态住宅IP套餐", 24: "静态流量附加包套餐", 25: "静态IP速率套餐",
    ]

    /// ref:1016 (user-product/summary's filter).
    static let summary: [Int: String] = [9: "动态流量套餐", 12: "长效IDC流量套餐"]

    /// ref:1437 (ip/get-static-ip).
    static let staticIP: [Int: String] = [14: "数据中心IP", 25: "静态住宅IP"]
}
