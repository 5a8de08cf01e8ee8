extension ProxyLiteClient {
    /// One page of user-product/list.
    public func packages(
        page: Int, size: Int = 50, tradeNo: String? = nil, productType: ProductType? = nil
    )
        async throws -> Page<PurchasedPackage>
    {
        let result = try await send(
            .packageList,
            query: [
                "page": String(page), "size": String(size), "trade_no": tradeNo,
                "product_type": productType.map { String($0.code) },
            ], as: SizedPage<PurchasedPackage>.self)
        return Page(items: result.list, page: page, totalPages: result.totalPages, totalCount: result.totalCount)
    }

    /// Every purchased package, walking all pages.
    public func allPackages(productType: ProductType? = nil, size: Int = 100) async throws -> [PurchasedPackage] {
        try await collectPages { page in try await self.packages(page: page, size: size, productType: productType) }
    }

    /// user-product/summary; `productType` may be 9 or 12 only.
    public func packageSummary(productType: ProductType? = nil) async throws -> PackageSummary {
        try await send(.packageSummary, query: ["product_type": productType.map { String($0.code) }])
    }
}
