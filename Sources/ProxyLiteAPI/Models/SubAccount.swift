import Foundation

/// A proxy sub-account, from whitelist-account/list.
public struct SubAccount: Sendable, Hashable, Decodable, Identifiable {
    public var id: Int
    public var username: String
    /// The proxy password. Shown masked unless the user asks; see `ProxyPassword`.
    public var password: ProxyPassword
    public var createdAt: Date?
    public var remark: String
    public var productType: ProductType
    /// Traffic used so far, in bytes (the API sends KB).
    public var usageBytes: Int64
    /// The traffic cap in GB as the API sends it; 0 means unlimited.
    public var limitGB: Int64
    public var isEnabled: Bool

    /// The cap in bytes, or nil when unlimited.
    public var limitBytes: Int64? { limitGB > 0 ? ByteUnits.fromGB(limitGB) : nil }

    public init(
        id: Int, username: String, password: String, createdAt: Date?, remark: String, productType: ProductType,
        usageBytes: Int64, limitGB: Int64, isEnabled: Bool
    ) {
        self.id = id
        self.username = username
        self.password = ProxyPassword(password)
        self.createdAt = createdAt
        self.remark = remark
        self.productType = productType
        self.usageBytes = usageBytes
        self.limitGB = limitGB
        self.isEnabled = isEnabled
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        id = try c.int("id") ?? 0
        username = try c.string("username") ?? ""
        password = ProxyPassword(try c.string("password") ?? "")
        createdAt = try c.date("created_at", decoder)
        remark = try c.string("remark") ?? ""
        productType = ProductType(try c.int("product_type") ?? 0)
        usageBytes = ByteUnits.fromKB(try c.int64("usage_flow") ?? 0)
        limitGB = try c.int64("limit_flow") ?? 0
        isEnabled = (try c.int("status") ?? 1) == 1
    }
}

/// A proxy password that prints masked, so that it cannot slip into a log or a screen by accident.
public struct ProxyPassword: Sendable, Hashable, CustomStringConvertible {
    public let revealed: String
    public init(_ value: String) { self.revealed = value }
    public var masked: String { revealed.isEmpty ? "" : "••••••" }
    public var description: String { masked }
}
