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
        if let s = try? decode(String.self, forKey: key) {  // "NaN", "Infinity", "1e999" fail isFinite below
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
        // NaN and infinity are refused: no price, fee or ratio is either, and one would poison
        // every sum, comparison and conversion it reached.
        if let v = try? decode(Double.self, forKey: key) {
            guard v.isFinite else { throw corrupt(key, "expected a finite number") }
            return v
        }
        if let s = try? decode(String.self, forKey: key) {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            if let v = Double(t), v.isFinite { return v }
            throw corrupt(key, "expected a number, found \"\(s.prefix(32))\"")
        }
        throw corrupt(key, "expected a number")
    }

    /// A count of something (traffic in KB or GB): a whole number that is not negative.
    func count(_ name: String) throws -> Int64? {
        guard let value = try int64(name) else { return nil }
        guard value >= 0 else { throw corrupt(WireKey(name), "expected a count, found \(value)") }
        return value
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
            guard seconds >= 0 else { throw corrupt(key, "expected a date, found \(seconds) seconds") }
            return seconds == 0 ? nil : APIDate.bounded(seconds: seconds)
        }
        // The reference's own examples put the word "string" where a date goes: such a date is
        // unreadable (the row's other fields still are), never a reason to fail the list.
        guard let text = try? decode(String.self, forKey: key) else { throw corrupt(key, "expected a date") }
        do {
            return try APIDate.parse(text, providerOffset: decoder.providerOffset)
        } catch {
            throw corrupt(key, error.description)
        }
    }

    /// An array that may be missing, null, or `{}` (PHP's empty array serialised as an object).
    func array<T: Decodable>(_ name: String, of type: T.Type = T.self) throws -> [T] {
        let key = WireKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        if let list = try? decode([T].self, forKey: key) { return list }
        if let raw = try? decode(JSONValue.self, forKey: key), raw.isEmptyContainer { return [] }
        // Rows of the panes: an item that is not even an object costs that item only.
        if let rowType = T.self as? any PlaceholderRow.Type, var items = try? nestedUnkeyedContainer(forKey: key) {
            return Self.rows(&items) { rowType.unreadableRow() as? T }
        }
        return try decode([T].self, forKey: key)  // rethrows the element's own error, with its path
    }

    /// Reads `items` one by one; an item that fails becomes `placeholder()`.
    static func rows<T: Decodable>(_ items: inout any UnkeyedDecodingContainer, placeholder: () -> T?) -> [T] {
        var out: [T] = []
        if let count = items.count { out.reserveCapacity(count) }
        while !items.isAtEnd {
            if let row = try? items.decode(T.self) {
                out.append(row)
                continue
            }
            // Step over the item whatever it holds; a decoder that cannot is at the end of its input.
            guard (try? items.decode(SkippedValue.self)) != nil, let row = placeholder() else { break }
            out.append(row)
        }
        return out
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

/// Any JSON value, read and dropped: moves an unkeyed container past an item.
struct SkippedValue: Decodable {
    init(from decoder: any Decoder) throws {}
}

extension Decoder {
    func wire() throws -> KeyedDecodingContainer<WireKey> {
        try container(keyedBy: WireKey.self)
    }
}
