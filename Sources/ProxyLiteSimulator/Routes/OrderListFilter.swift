import Foundation
import ProxyLiteAPI

/// order/list's enumerated filters, checked against the reference's value tables (ref:441-478):
/// a value outside them is refused with code 400 naming the field, as the provider's
/// validation does, rather than quietly matching nothing.
struct OrderListFilter {
    static let statuses: Set<Int> = [0, 1, 2, 3]
    static let productTypes: Set<Int> = [3, 9, 11, 12, 14, 16, 17, 18, 19, 21, 24, 25, 26, 27, 28]
    static let invoices: Set<Int> = [-1, 0, 1]
    static let payFeeStatuses: Set<Int> = [1, 2]

    let status: Int?
    let productType: Int?
    let invoice: Int?
    let payFeeStatus: Int?

    init(_ request: SimRequest) throws(SimulatorError) {
        status = try Self.enumerated(request, "status", Self.statuses)
        productType = try Self.enumerated(request, "product_type", Self.productTypes)
        invoice = try Self.enumerated(request, "invoice", Self.invoices)
        payFeeStatus = try Self.enumerated(request, "pay_fee_status", Self.payFeeStatuses)
    }

    /// Everything but the status, which depends on the clock (unpaid orders time out).
    func matches(_ order: SimOrder) -> Bool {
        if let productType, order.productType != productType { return false }
        // 0 is "no restriction"; -1 is every order without an invoice.
        if invoice == 1, !order.invoiced { return false }
        if invoice == -1, order.invoiced { return false }
        if let payFeeStatus, order.payFeeStatus != payFeeStatus { return false }
        return true
    }

    private static func enumerated(_ request: SimRequest, _ field: String, _ allowed: Set<Int>) throws(SimulatorError) -> Int? {
        guard let value = try request.int(field) else { return nil }
        guard allowed.contains(value) else {
            let list = allowed.sorted().map(String.init).joined(separator: "、")
            throw .badParameters([field: ["\(field) 仅支持 \(list)"]])
        }
        return value
    }
}
