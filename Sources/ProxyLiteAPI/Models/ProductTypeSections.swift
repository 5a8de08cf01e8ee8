/// Which product-type table each endpoint's codes are read with. The reference gives one code
/// different meanings in different sections, so every view of a record (dashboard, `snapshot`)
/// labels it through these and never picks a table itself.

extension SubAccount {
    /// whitelist-account/list (ref: 9, 11, 14, 25).
    public static let productTypeSection = ProductType.Section.account
    public var typeLabel: String { productType.label(in: Self.productTypeSection) }
}

extension PurchasedPackage {
    /// user-product/list uses the account table (ref:987), not the order or product one.
    public static let productTypeSection = ProductType.Section.account
    public var typeLabel: String { productType.label(in: Self.productTypeSection) }
}

extension PackageSummary {
    /// user-product/summary's product_type filter accepts 9 and 12 only (ref:1016).
    public static let productTypeSection = ProductType.Section.summary
}

extension StaticIP {
    /// ip/get-static-ip: 14 datacenter, 25 static residential (ref:1437).
    public static let productTypeSection = ProductType.Section.staticIP
    public var typeLabel: String? { productType?.label(in: Self.productTypeSection) }
}

extension Order {
    /// order/list's product-type enum (ref:451).
    public static let productTypeSection = ProductType.Section.order
    /// "unknown" when the order did not say.
    public var typeLabel: String { productType?.label(in: Self.productTypeSection) ?? "unknown" }
}

extension Product {
    /// /product's `type` enum.
    public static let productTypeSection = ProductType.Section.product
    public var typeLabel: String { type.label(in: Self.productTypeSection) }
    /// A renewal product's parent_product_type is a static-IP line: 14 datacenter, 25 residential.
    public var renewsLabel: String? { parentProductType?.label(in: StaticIP.productTypeSection) }
}

extension WhitelistIP {
    /// proxy-ip/list's product_type is the account's (the types proxies are created for).
    public static let productTypeSection = ProductType.Section.account
}
