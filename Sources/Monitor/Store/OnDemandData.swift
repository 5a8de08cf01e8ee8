import ProxyLiteAPI

/// What the Products pane browses: the catalogue, how to pay, and top-up bonuses.
public struct CatalogueData: Sendable {
    public var products: [Product]
    public var paymentGroups: [PaymentGroup]
    public var rechargeRatios: [RechargeGiftRatio]

    public init(products: [Product], paymentGroups: [PaymentGroup], rechargeRatios: [RechargeGiftRatio]) {
        self.products = products
        self.paymentGroups = paymentGroups
        self.rechargeRatios = rechargeRatios
    }

    /// Payment methods that can be chosen, in the provider's order.
    public var usableMethods: [PaymentGroup.Method] { paymentGroups.flatMap(\.methods).filter { !$0.disabled } }

    /// The renewal product (type 19) of static IPs of `type`.
    public func renewalProduct(for type: ProductType) -> Product? {
        products.first { $0.type.code == 19 && $0.parentProductType == type && $0.onSale }
            ?? products.first { $0.type.code == 19 && $0.parentProductType == type }
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
