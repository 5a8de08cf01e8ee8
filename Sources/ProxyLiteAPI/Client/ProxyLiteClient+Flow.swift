import Foundation

extension ProxyLiteClient {
    /// user-usage-flow/total: traffic per day between `start` and `end` (provider default: the last
    /// 7 days), for every account or one `username`. The last ~5 minutes are not counted yet.
    public func dailyFlow(
        from start: Date? = nil, to end: Date? = nil, username: String? = nil, productType: ProductType? = nil
    ) async throws -> [DailyFlow] {
        let offset = configuration.profile.providerOffset
        return try await send(
            .flowTotal,
            query: [
                "start_time": start.map { APIDate.providerString($0, offset: offset) },
                "end_time": end.map { APIDate.providerString($0, offset: offset) },
                "username": username, "product_type": productType.map { String($0.code) },
            ], as: ListPayload<DailyFlow>.self
        ).list
    }

    /// user-usage-flow/total with every filter the reference offers.
    public func dailyFlow(_ filter: FlowFilter) async throws -> [DailyFlow] {
        try await dailyFlow(from: filter.start, to: filter.end, username: filter.username, productType: filter.productType)
    }
}
