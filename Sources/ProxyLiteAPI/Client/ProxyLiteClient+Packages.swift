extension ProxyLiteClient {
    /// One page of user-product/list.
    public func packages(page: Int, size: Int = 50, filter: PackageFilter = PackageFilter()) async throws -> Page<PurchasedPackage> {
        let result = try await send(
            .packageList,
            query: [
                "page": String(page), "size": String(size), "trade_no": filter.tradeNo,
                "product_type": filter.productType.map { String($0.code) },
            ], as: SizedPage<PurchasedPackage>.self)
        return Page(items: result.list, page: page, totalPages: result.totalPages, totalCount: result.totalCount)
    }

    /// Every purchased package matching `filter`, walking all pages.
    public func allPackages(filter: PackageFilter = PackageFilter(), size: Int = 100) async throws -> [PurchasedPackage] {
        try await collectPages { page in try await self.packages(page: page, size: size, filter: filter) }
    }

    /// user-product/summary; `productType` may be 9 or 12 only.
    public func packageSummary(productType: ProductType? = nil) async throws -> PackageSummary {
        try await send(.packageSummary, query: ["product_type": productType.map { String($0.code) }])
    }
}
