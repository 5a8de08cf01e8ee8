import Foundation

/// A purchased static IP's state (the `status` filter of ip/get-static-ip).
public enum StaticIPStatus: Sendable, Hashable, CustomStringConvertible {
    case valid, invalid, expiringSoon, maintenance
    case other(Int)

    public init(code: Int) {
        switch code {
        case 1: self = .valid
        case 2: self = .invalid
        case 3: self = .expiringSoon
        case 4: self = .maintenance
        default: self = .other(code)
        }
    }

    public var code: Int {
        switch self {
        case .valid: return 1
        case .invalid: return 2
        case .expiringSoon: return 3
        case .maintenance: return 4
        case .other(let c): return c
        }
    }

    public var description: String {
        switch self {
        case .valid: return "valid"
        case .invalid: return "invalid"
        case .expiringSoon: return "expiring"
        case .maintenance: return "maintenance"
        case .other(let c): return "status \(c)"
        }
    }
}

/// A purchased static IP, from ip/get-static-ip.
///
/// The reference documents the filters of that endpoint but not its answer, so every field here
/// is optional and `raw` keeps the item exactly as it came, unknown fields included.
public struct StaticIP: Sendable, Hashable, Decodable, Identifiable {
    /// The id to pass as `upids` when renewing.
    public var id: Int?
    public var ip: String
    public var port: Int?
    public var username: String?
    public var password: ProxyPassword?
    public var countryCode: String
    public var city: String?
    public var status: StaticIPStatus?
    public var createdAt: Date?
    public var expiresAt: Date?
    public var tradeNo: String?
    public var productType: ProductType?
    /// The item as the API sent it.
    public var raw: JSONValue

    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        let c = try decoder.wire()
        id = try c.int("id")
        ip = try c.string("ip") ?? ""
        port = try c.int("port")
        username = try c.string("username")
        password = try c.string("password").map(ProxyPassword.init)
        countryCode = try c.string("country_code") ?? c.string("country") ?? ""
        city = try c.string("city")
        status = try c.int("status").map(StaticIPStatus.init(code:))
        createdAt = try c.date("created_at", decoder)
        expiresAt = try c.date("expired_at", decoder) ?? c.date("expire_at", decoder)
        tradeNo = try c.string("trade_no")
        productType = try c.int("product_type").map { ProductType($0) }
    }

    /// `raw` with the password replaced, for showing to a person.
    public var maskedRaw: JSONValue {
        guard case .object(let members) = raw else { return raw }
        return .object(members.map { key, value in key == "password" ? (key, .string("••••••")) : (key, value) })
    }
}
