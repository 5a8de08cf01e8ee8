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
    /// Fields that came but could not be read (their wire names); each holds a neutral value.
    public var unreadable = UnreadableFields()

    /// Whether the account can be named to the API: actions go by username, so an account whose
    /// username is missing or unreadable is shown but can be neither marked nor acted on.
    public var hasIdentity: Bool { !username.isEmpty && !unreadable.contains("username") }

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

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        id = c.int("id") ?? 0
        username = c.string("username") ?? ""
        password = ProxyPassword(c.string("password") ?? "")
        createdAt = c.date("created_at")
        remark = c.string("remark") ?? ""
        productType = ProductType(c.int("product_type") ?? 0)
        usageBytes = ByteUnits.fromKB(c.count("usage_flow") ?? 0)
        limitGB = c.count("limit_flow") ?? 0
        isEnabled = (c.int("status") ?? 1) == 1
        unreadable = c.unreadable
    }
}

extension SubAccount: PlaceholderRow {
    static func unreadableRow() -> SubAccount {
        var row = SubAccount(
            id: 0, username: "", password: "", createdAt: nil, remark: "", productType: ProductType(0), usageBytes: 0, limitGB: 0,
            isEnabled: false)
        row.unreadable = UnreadableFields(["row"])
        return row
    }
}

/// A proxy password that prints masked, so that it cannot slip into a log or a screen by accident.
public struct ProxyPassword: Sendable, Hashable, CustomStringConvertible {
    public let revealed: String
    public init(_ value: String) { self.revealed = value }
    public var masked: String { revealed.isEmpty ? "" : "••••••" }
    public var description: String { masked }
}
