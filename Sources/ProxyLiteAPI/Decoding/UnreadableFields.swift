import Foundation

/// The fields of one row whose values could not be read, by their wire names (`usage_flow`).
///
/// One unreadable value costs that value, never the row and never the list: the row keeps a
/// neutral placeholder for the field (0, "" or nil), the screens show `?` for it, and `snapshot`
/// writes null and names it in its `unreadable` member.
public struct UnreadableFields: Sendable, Hashable {
    /// In the order they were met; a handful at most, so a list beats a set.
    public private(set) var names: [String] = []

    public init(_ names: [String] = []) {
        for name in names { insert(name) }
    }

    public var isEmpty: Bool { names.isEmpty }
    public var count: Int { names.count }
    public func contains(_ name: String) -> Bool { names.contains(name) }

    public mutating func insert(_ name: String) {
        if !names.contains(name) { names.append(name) }
    }
}

/// Reads the fields of one row, keeping going past a field that cannot be read and noting it.
struct TolerantFields {
    let container: KeyedDecodingContainer<WireKey>
    let decoder: any Decoder
    private(set) var unreadable = UnreadableFields()

    init(_ decoder: any Decoder) throws {
        self.decoder = decoder
        container = try decoder.wire()
    }

    /// The value `read` returns, or nil (and `name` noted as unreadable) when it throws.
    mutating func read<T>(_ name: String, _ read: (KeyedDecodingContainer<WireKey>) throws -> T?) -> T? {
        do {
            return try read(container)
        } catch {
            unreadable.insert(name)
            return nil
        }
    }

    mutating func int(_ name: String) -> Int? { read(name) { try $0.int(name) } }
    mutating func int64(_ name: String) -> Int64? { read(name) { try $0.int64(name) } }
    mutating func count(_ name: String) -> Int64? { read(name) { try $0.count(name) } }
    mutating func double(_ name: String) -> Double? { read(name) { try $0.double(name) } }
    mutating func string(_ name: String) -> String? { read(name) { try $0.string(name) } }
    mutating func bool(_ name: String) -> Bool? { read(name) { try $0.bool(name) } }
    mutating func date(_ name: String) -> Date? { read(name) { [decoder] in try $0.date(name, decoder) } }
    func has(_ name: String) -> Bool { container.contains(WireKey(name)) }

    /// A list of names (`["Texas", "Ohio"]`), item by item: an item that is not text is left
    /// out and `name` noted, the others kept. Missing, null or `{}` is empty.
    mutating func texts(_ name: String) -> [String] {
        let key = WireKey(name)
        guard container.contains(key), (try? container.decodeNil(forKey: key)) == false else { return [] }
        guard var items = try? container.nestedUnkeyedContainer(forKey: key) else {
            if let raw = try? container.decode(JSONValue.self, forKey: key), raw.isEmptyContainer { return [] }
            unreadable.insert(name)
            return []
        }
        var out: [String] = []
        while !items.isAtEnd {
            if let text = try? items.decode(String.self) {
                out.append(text)
            } else if let number = try? items.decode(Int64.self) {
                out.append(String(number))
            } else {
                unreadable.insert(name)
                guard (try? items.decode(SkippedValue.self)) != nil else { break }
            }
        }
        return out
    }
}

/// A row type that can stand in for a list item that is not even an object (a bare number, a
/// string): the row is kept, every field unreadable, rather than the list lost.
protocol PlaceholderRow {
    static func unreadableRow() -> Self
}
