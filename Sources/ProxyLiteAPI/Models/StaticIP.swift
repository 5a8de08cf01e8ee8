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
    /// Fields that came but could not be read; see `UnreadableFields`. Their values as sent stay
    /// in `raw`.
    public var unreadable = UnreadableFields()
    /// The fields this model does not know (and the known ones it could not read), as compact JSON. The known ones are rebuilt from the
    /// typed fields when asked: keeping every item whole would double the memory of 50 000 IPs.
    private let unknownJSON: [UInt8]
    /// Which of `knownKeys` were present, one bit each (an array of names per IP would cost
    /// more than the rest of the item).
    private let presentKeys: UInt16
    private let providerOffset: Int

    static let knownKeyOrder: [String] = [
        "id", "ip", "port", "username", "password", "country_code", "country", "city", "status", "created_at",
        "expired_at", "expire_at", "trade_no", "product_type",
    ]
    static let knownKeys = Set(knownKeyOrder)

    /// Every field the API sent: the known ones (numbers as numbers, dates in the provider's
    /// format), then the unknown ones exactly as they came.
    public var raw: JSONValue {
        func date(_ d: Date?) -> JSONValue { d.map { .string(APIDate.providerString($0, offset: providerOffset)) } ?? .null }
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        func int(_ i: Int?) -> JSONValue { i.map { .integer(Int64($0)) } ?? .null }
        var known: [(String, JSONValue)] = []
        for (bit, key) in Self.knownKeyOrder.enumerated() where presentKeys & (1 << bit) != 0 && !unreadable.contains(key) {
            switch key {
            case "id": known.append((key, int(id)))
            case "ip": known.append((key, .string(ip)))
            case "port": known.append((key, int(port)))
            case "username": known.append((key, text(username)))
            case "password": known.append((key, text(password?.revealed)))
            case "country_code", "country": known.append((key, .string(countryCode)))
            case "city": known.append((key, text(city)))
            case "status": known.append((key, int(status?.code)))
            case "created_at": known.append((key, date(createdAt)))
            case "expired_at", "expire_at": known.append((key, date(expiresAt)))
            case "trade_no": known.append((key, text(tradeNo)))
            case "product_type": known.append((key, int(productType?.code)))
            default: break
            }
        }
        var unknown: [(String, JSONValue)] = []
        if !unknownJSON.isEmpty, case .object(let m)? = try? JSONDecoder().decode(JSONValue.self, from: Data(unknownJSON)) {
            unknown = m
        }
        return .object(known + unknown)
    }

    public init(from decoder: any Decoder) throws {
        let whole = try JSONValue(from: decoder)
        guard case .object(let all) = whole else {
            throw DecodingError.typeMismatch(
                StaticIP.self, .init(codingPath: decoder.codingPath, debugDescription: "a static IP is an object"))
        }
        var present: UInt16 = 0
        let names = Set(all.map(\.0))
        for (bit, key) in Self.knownKeyOrder.enumerated() where names.contains(key) {
            // `country` stands in for `country_code` only when that is missing.
            if key == "country", names.contains("country_code") { continue }
            present |= 1 << bit
        }
        presentKeys = present
        providerOffset = decoder.providerOffset
        var c = try TolerantFields(decoder)
        id = c.int("id")
        ip = c.string("ip") ?? ""
        port = c.int("port")
        username = c.string("username")
        password = c.string("password").map(ProxyPassword.init)
        countryCode = c.string("country_code") ?? c.string("country") ?? ""
        city = c.string("city")
        status = c.int("status").map(StaticIPStatus.init(code:))
        createdAt = c.date("created_at")
        expiresAt = c.date("expired_at") ?? c.date("expire_at")
        tradeNo = c.string("trade_no")
        productType = c.int("product_type").map { ProductType($0) }
        unreadable = c.unreadable
        // Unknown fields, and known ones that could not be read, are kept exactly as sent.
        let kept = all.filter { !Self.knownKeys.contains($0.0) || c.unreadable.contains($0.0) }
        unknownJSON = kept.isEmpty ? [] : JSONValue.object(kept).serialized()
    }

    /// Whether the IP can be named to the API (marked, renewed): it needs a readable address.
    public var hasIdentity: Bool { !ip.isEmpty && !unreadable.contains("ip") }

    /// `raw` with every credential, at any depth and however spelled, replaced, for showing to a person.
    public var maskedRaw: JSONValue { raw.maskingSecrets() }
}

extension StaticIP: PlaceholderRow {
    static func unreadableRow() -> StaticIP { StaticIP(unreadableRow: ()) }

    private init(unreadableRow: ()) {
        ip = ""
        countryCode = ""
        unreadable = UnreadableFields(["row"])
        unknownJSON = []
        presentKeys = 0
        providerOffset = 0
    }
}
