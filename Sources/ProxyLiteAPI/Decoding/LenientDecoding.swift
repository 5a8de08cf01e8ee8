import Foundation

extension CodingUserInfoKey {
    /// Seconds east of UTC in which the provider writes zone-less dates (an `Int`).
    public static let providerOffset = CodingUserInfoKey(rawValue: "proxylite.providerOffset")!
    /// The endpoint's `Endpoint.Success`, so that the envelope knows which code means success.
    static let success = CodingUserInfoKey(rawValue: "proxylite.success")!
}

extension Decoder {
    var providerOffset: Int { userInfo[.providerOffset] as? Int ?? 8 * 3600 }
}

/// Coding keys built from any string, for models that read fields by their wire names.
struct WireKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { self.stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Readers that accept what a PHP back end actually sends: numbers as strings, booleans as 0/1,
/// null or missing for anything optional, `[]` where an object is meant.
extension KeyedDecodingContainer where Key == WireKey {
    func int(_ name: String) throws -> Int? {
        try int64(name).map { Int(truncatingIfNeeded: $0) }
    }

    func int64(_ name: String) throws -> Int64? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let v = try? decode(Int64.self, forKey: key) { return v }
        if let d = try? decode(Double.self, forKey: key), d.isFinite, abs(d) < 9e18 { return Int64(d.rounded()) }
        if let s = try? decode(String.self, forKey: key) {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            if let v = Int64(t) { return v }
            if let d = Double(t), d.isFinite, abs(d) < 9e18 { return Int64(d.rounded()) }
            throw corrupt(key, "expected a whole number, found \"\(s.prefix(32))\"")
        }
        if let b = try? decode(Bool.self, forKey: key) { return b ? 1 : 0 }
        throw corrupt(key, "expected a whole number")
    }

    func double(_ name: String) throws -> Double? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let v = try? decode(Double.self, forKey: key) { return v }
        if let s = try? decode(String.self, forKey: key) {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            if let v = Double(t) { return v }
            throw corrupt(key, "expected a number, found \"\(s.prefix(32))\"")
        }
        throw corrupt(key, "expected a number")
    }

    func string(_ name: String) throws -> String? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let s = try? decode(String.self, forKey: key) { return s }
        if let i = try? decode(Int64.self, forKey: key) { return String(i) }
        if let d = try? decode(Double.self, forKey: key) { return JSONValue.format(d) }
        if let b = try? decode(Bool.self, forKey: key) { return b ? "true" : "false" }
        throw corrupt(key, "expected text")
    }

    func bool(_ name: String) throws -> Bool? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let b = try? decode(Bool.self, forKey: key) { return b }
        if let i = try int64(name) { return i != 0 }
        return nil
    }

    func date(_ name: String, _ decoder: any Decoder) throws -> Date? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let seconds = try? decode(Int64.self, forKey: key) {
            return seconds == 0 ? nil : Date(timeIntervalSince1970: Double(seconds))
        }
        // The reference's own examples put the word "string" where a date goes; a date that cannot be
        // read is shown as unknown rather than failing the whole list it is part of.
        guard let text = try? decode(String.self, forKey: key) else { return nil }
        return (try? APIDate.parse(text, providerOffset: decoder.providerOffset)) ?? nil
    }

    /// An array that may be missing, null, or `{}` (PHP's empty array serialised as an object).
    func array<T: Decodable>(_ name: String, of type: T.Type = T.self) throws -> [T] {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        if let list = try? decode([T].self, forKey: key) { return list }
        if let raw = try? decode(JSONValue.self, forKey: key), raw.isEmptyContainer { return [] }
        return try decode([T].self, forKey: key)  // rethrows the element's own error, with its path
    }

    /// An object that may be missing, null, or `[]` (PHP's empty object serialised as an array).
    func object<T: Decodable>(_ name: String, of type: T.Type = T.self) throws -> T? {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        do {
            return try decode(T.self, forKey: key)
        } catch {
            if let raw = try? decode(JSONValue.self, forKey: key), raw.isEmptyContainer { return nil }
            throw error
        }
    }

    private func corrupt(_ key: WireKey, _ message: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: message)
    }
}

extension Decoder {
    func wire() throws -> KeyedDecodingContainer<WireKey> {
        try container(keyedBy: WireKey.self)
    }
}
