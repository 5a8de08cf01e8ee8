import Foundation

extension ProxyLiteClient {
    /// One page of order/list.
    public func orders(page: Int, pageSize: Int = 50, filter: OrderFilter = OrderFilter()) async throws -> Page<Order> {
        let offset = configuration.profile.providerOffset
        let result = try await send(
            .orderList,
            query: [
                "page_no": String(page), "page_size": String(pageSize), "trade_no": filter.tradeNo,
                "start_time": filter.start.map { APIDate.providerString($0, offset: offset) },
                "end_time": filter.end.map { APIDate.providerString($0, offset: offset) },
                "status": filter.status.map { String($0.code) },
                "product_type": filter.productType.map { String($0.code) },
                "invoice": filter.invoice.map { String($0.rawValue) },
                "pay_fee_status": filter.payFeeStatus.map { String($0.code) },
            ], as: OrderPage.self)
        return Page(items: result.list, page: page, totalPages: result.totalPages, totalCount: result.total)
    }

    /// Every order matching `filter`, walking all pages.
    public func allOrders(filter: OrderFilter = OrderFilter(), pageSize: Int = 100) async throws -> [Order] {
        try await collectPages { page in try await self.orders(page: page, pageSize: pageSize, filter: filter) }
    }

    /// order/create: creates an order (unpaid until paid in the provider's console).
    public func createOrder(_ request: OrderRequest) async throws -> Order {
        try await send(.orderCreate, body: request.body(checking: false), as: Order.self)
    }

    /// order/check: the price preview for the same body as `createOrder`; creates nothing.
    public func checkOrder(_ request: OrderRequest) async throws -> OrderCheckResult {
        try await send(.orderCheck, body: request.body(checking: true), as: OrderCheckResult.self)
    }

    /// order/close: cancels an unpaid order.
    public func closeOrder(tradeNo: String) async throws {
        let _: NoContent = try await send(.orderClose, body: [("trade_no", .string(tradeNo))])
    }
}
