/// One row of a list, named so that it can be fetched again exactly as the API sends it.
public enum RawRecordKey: Sendable, Hashable {
    case account(username: String)
    case order(tradeNo: String)
    case package(id: Int, tradeNo: String)
    case whitelistIP(String)

    public var label: String {
        switch self {
        case .account(let name): return "account \(name)"
        case .order(let tradeNo): return "order \(tradeNo)"
        case .package(let id, _): return "package \(id)"
        case .whitelistIP(let ip): return "whitelisted IP \(ip)"
        }
    }
}

extension ProxyLiteClient {
    /// The record as the API sends it now, secrets masked, or nil when it is no longer listed.
    /// Typed models keep only the fields the reference documents; this is how the others are seen.
    public func rawRecord(_ key: RawRecordKey) async throws -> JSONValue? {
        let found: JSONValue?
        switch key {
        case .account(let name):
            let list = try await send(.accountList, as: ListPayload<JSONValue>.self).list
            found = list.first { $0["username"]?.displayText == name }
        case .order(let tradeNo):
            let list = try await send(
                .orderList, query: ["trade_no": tradeNo, "page_no": "1", "page_size": "10"], as: ListPayload<JSONValue>.self
            ).list
            found = list.first { $0["trade_no"]?.displayText == tradeNo }
        case .package(let id, let tradeNo):
            let list = try await send(
                .packageList, query: ["trade_no": tradeNo, "page": "1", "size": "50"], as: ListPayload<JSONValue>.self
            ).list
            found = list.first { $0["id"]?.displayText == String(id) }
        case .whitelistIP(let ip):
            let list = try await send(.whitelistIPList, as: ListPayload<JSONValue>.self).list
            found = list.first { $0["ip"]?.displayText == ip }
        }
        return found?.maskingSecrets()
    }
}

extension JSONValue {
    /// Whether a member named `key` holds a credential, however it is spelled (`password`,
    /// `Proxy-Password`, `passwd`, `pwd`, `app_key`, `apiKey`, `access_token`, `client_secret` …).
    static func isSecretKey(_ key: String) -> Bool {
        let name = String(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        if ["pwd", "pass", "pw", "key", "sign", "signature"].contains(name) { return true }
        return ["password", "passwd", "passphrase", "secret", "token", "appkey", "apikey", "accesskey", "privatekey", "credential"]
            .contains { name.contains($0) }
    }

    /// A copy with every secret value, at any depth, replaced by a mask.
    public func maskingSecrets() -> JSONValue {
        switch self {
        case .object(let members):
            return .object(
                members.map { key, value in
                    Self.isSecretKey(key) && value != .null ? (key, .string("••••••")) : (key, value.maskingSecrets())
                })
        case .array(let items): return .array(items.map { $0.maskingSecrets() })
        default: return self
        }
    }
}
