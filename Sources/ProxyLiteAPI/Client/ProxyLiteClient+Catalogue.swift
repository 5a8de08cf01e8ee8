import Foundation

extension ProxyLiteClient {
    /// /product: what can be bought, optionally of one type (and, for type 19, one product line).
    public func products(
        type: ProductType? = nil, parentType: ProductType? = nil, days: Int? = nil
    ) async throws
        -> [Product]
    {
        try await send(
            .products,
            query: [
                "type": type.map { String($0.code) }, "parent_product_type": parentType.map { String($0.code) },
                "time_days": days.map(String.init),
            ], as: ArrayPayload<Product>.self
        ).items
    }

    /// payment/groups: payment methods, grouped.
    public func paymentGroups(tradeNo: String? = nil) async throws -> [PaymentGroup] {
        try await send(.paymentGroups, query: ["trade_no": tradeNo], as: ListPayload<PaymentGroup>.self).list
    }

    /// activity/balance-recharge-gift-ratio: bonus tiers for balance top-ups (nulls dropped).
    public func rechargeGiftRatios() async throws -> [RechargeGiftRatio] {
        try await send(.rechargeGiftRatio, as: ListPayload<JSONValue>.self).list
            .filter { $0 != .null }
            .map { value in
                let data = Data(value.serialized())
                return try JSONDecoder().decode(RechargeGiftRatio.self, from: data)
            }
    }
}
