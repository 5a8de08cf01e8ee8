import Foundation

/// An IP allowed to use the proxies without a password, from proxy-ip/list.
public struct WhitelistIP: Sendable, Hashable, Decodable {
    public var ip: String
    public var remark: String
    public var productType: ProductType
    public var createdAt: Date?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        ip = try c.string("ip") ?? ""
        remark = try c.string("remark") ?? ""
        productType = ProductType(try c.int("product_type") ?? 0)
        createdAt = try c.date("created_at", decoder)
    }
}
