import ProxyLiteAPI

/// What the Products pane browses: the catalogue, how to pay, and top-up bonuses. Three
/// endpoints, fetched separately, each kept with its own outcome: one failing part must not
/// blank the others (the pane names the failure in place of the missing part).
public struct CatalogueData: Sendable {
    public var productsResult: Result<[Product], ProxyLiteError>
    public var paymentGroupsResult: Result<[PaymentGroup], ProxyLiteError>
    public var rechargeRatiosResult: Result<[RechargeGiftRatio], ProxyLiteError>

    public init(products: [Product], paymentGroups: [PaymentGroup], rechargeRatios: [RechargeGiftRatio]) {
        self.init(products: .success(products), paymentGroups: .success(paymentGroups), rechargeRatios: .success(rechargeRatios))
    }

    public init(
        products: Result<[Product], ProxyLiteError>, paymentGroups: Result<[PaymentGroup], ProxyLiteError>,
        rechargeRatios: Result<[RechargeGiftRatio], ProxyLiteError>
    ) {
        productsResult = products
        paymentGroupsResult = paymentGroups
        rechargeRatiosResult = rechargeRatios
    }

    /// The products, or none when product failed.
    public var products: [Product] { (try? productsResult.get()) ?? [] }
    public var paymentGroups: [PaymentGroup] { (try? paymentGroupsResult.get()) ?? [] }
    public var rechargeRatios: [RechargeGiftRatio] { (try? rechargeRatiosResult.get()) ?? [] }

    /// The parts that failed, in the pane's order.
    public var failures: [ProxyLiteError] {
        [productsResult.failure, paymentGroupsResult.failure, rechargeRatiosResult.failure].compactMap { $0 }
    }

    /// Payment methods that can be chosen, in the provider's order: enabled, with a readable id.
    public var usableMethods: [PaymentGroup.Method] { paymentGroups.flatMap(\.methods).filter { !$0.disabled && $0.hasIdentity } }

    /// The renewal product (type 19) of static IPs of `type`: one on sale if there is one. A
    /// custom-only product (show_type 3) is never picked: it cannot be ordered as listed; nor is
    /// one whose id or show type could not be read (it could be any product, or custom-only).
    public func renewalProduct(for type: ProductType) -> Product? {
        let candidates = products.filter {
            $0.type.code == 19 && $0.parentProductType == type && $0.showType != .notPurchasable && $0.hasIdentity
                && !$0.unreadable.contains("show_type") && !$0.unreadable.contains("type")
                && !$0.unreadable.contains("parent_product_type")
        }
        return candidates.first(where: \.isPurchasable) ?? candidates.first
    }
}

/// What the Extract pane picks from: countries with their states, and the stock of the host
/// pool and of static IPs per country.
public struct RegionData: Sendable {
    public var countries: [CountryRegions]
    public var hostPool: [RegionStock]
    public var staticStock: [RegionStock]

    public init(countries: [CountryRegions], hostPool: [RegionStock], staticStock: [RegionStock]) {
        self.countries = countries
        self.hostPool = hostPool
        self.staticStock = staticStock
    }
}

extension Result {
    /// The error of a failed result, nil on success.
    public var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
