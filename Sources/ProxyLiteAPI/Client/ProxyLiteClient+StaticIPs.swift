extension ProxyLiteClient {
    /// One page of ip/get-static-ip.
    public func staticIPs(
        page: Int, size: Int = 100, filter: StaticIPFilter = StaticIPFilter()
    ) async throws
        -> Page<StaticIP>
    {
        let result = try await send(
            .staticIPList,
            query: [
                "page": String(page), "size": String(size), "country_code": filter.countryCode,
                "product_type": filter.productType.map { String($0.code) }, "trade_no": filter.tradeNo,
                "status": filter.status.map { String($0.code) },
            ], as: SizedPage<StaticIP>.self)
        return Page(items: result.list, page: page, totalPages: result.totalPages, totalCount: result.totalCount)
    }

    /// Every static IP matching `filter`, walking all pages.
    public func allStaticIPs(filter: StaticIPFilter = StaticIPFilter(), size: Int = 500) async throws -> [StaticIP] {
        try await collectPages { page in try await self.staticIPs(page: page, size: size, filter: filter) }
    }

    /// ip/static-ip-region: static IPs for sale per country.
    public func staticIPStock(_ filter: StaticIPRegionFilter = StaticIPRegionFilter()) async throws -> [RegionStock] {
        try await send(
            .staticIPRegions,
            query: [
                "isp": filter.isp.map(String.init), "asn": filter.groupByASN.map { $0 ? "1" : "0" },
                "exclusive": filter.exclusiveOnly.map { $0 ? "1" : "0" },
            ], as: ListPayload<RegionStock>.self
        ).list
    }

    /// host-pool/regions: countries of the datacenter host pool with their stock.
    public func hostPoolRegions() async throws -> [RegionStock] {
        try await send(.hostPoolRegions, as: ListPayload<RegionStock>.self).list
    }
}
