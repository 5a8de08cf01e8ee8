import Foundation

/// An IP allowed to use the proxies without a password, from proxy-ip/list.
public struct WhitelistIP: Sendable, Hashable, Decodable {
    public var ip: String
    public var remark: String
    public var productType: ProductType
    public var createdAt: Date?
    /// Fields that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    /// Whether the entry can be named to the API (marked, removed, fetched again): it needs a
    /// readable address.
    public var hasIdentity: Bool { !ip.isEmpty && !unreadable.contains("ip") }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        ip = c.string("ip") ?? ""
        remark = c.string("remark") ?? ""
        productType = ProductType(c.int("product_type") ?? 0)
        createdAt = c.date("created_at")
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        ip = ""
        remark = ""
        productType = ProductType(0)
        unreadable = UnreadableFields(["row"])
    }
}

extension WhitelistIP: PlaceholderRow {
    static func unreadableRow() -> WhitelistIP { WhitelistIP(unreadableRow: ()) }
}
