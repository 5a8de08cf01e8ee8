import Foundation

/// What every answer shares: `{"code": …, "msg" | "message": …, "data": …, "errors": …}`.
struct EnvelopeHead: Decodable {
    let code: Int?
    let message: String?
    let fieldErrors: [String: [String]]

    init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        code = try c.int("code")
        message = try c.string("msg") ?? c.string("message")
        var fields: [String: [String]] = [:]
        if let raw = try? c.object("errors", of: JSONValue.self), case .object(let members) = raw {
            for (field, value) in members {
                switch value {
                case .array(let items): fields[field] = items.map(\.displayText)
                default: fields[field] = [value.displayText]
                }
            }
        }
        fieldErrors = fields
    }
}

/// The `data` member, read so that null, a missing member, `{}` and `[]` all mean "nothing".
struct EnvelopeData<Payload: APIPayload>: Decodable {
    let payload: Payload

    init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        let key = WireKey("data")
        guard c.contains(key), try !c.decodeNil(forKey: key) else {
            payload = try Payload.empty()
            return
        }
        do {
            payload = try c.decode(Payload.self, forKey: key)
        } catch {
            if let raw = try? c.decode(JSONValue.self, forKey: key), raw.isEmptyContainer {
                payload = try Payload.empty()
                return
            }
            throw error
        }
    }
}

/// A decodable `data` payload that knows what "no data" means for it.
public protocol APIPayload: Decodable, Sendable {
    /// The value for `data: null`, `{}` or `[]`. Throws where the endpoint cannot answer with nothing.
    static func empty() throws -> Self
}

/// The payload of writes, whose `data` is null.
public struct NoContent: APIPayload, Equatable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public static func empty() -> NoContent { NoContent() }
}

/// `data: {"list": [...]}`: the shape of most read endpoints.
struct ListPayload<Item: Decodable & Sendable>: APIPayload {
    let list: [Item]
    init(from decoder: any Decoder) throws {
        list = try decoder.wire().array("list")
    }
    init(list: [Item]) { self.list = list }
    static func empty() -> ListPayload { ListPayload(list: []) }
}

/// `data: [...]`: the product endpoint's bare array.
struct ArrayPayload<Item: Decodable & Sendable>: APIPayload {
    let items: [Item]
    init(from decoder: any Decoder) throws {
        if let list = try? decoder.wire().array("list", of: Item.self) {  // tolerate {"list": [...]}
            items = list
        } else {
            var c = try decoder.unkeyedContainer()
            if let rowType = Item.self as? any PlaceholderRow.Type {
                // Rows of a pane: an item that cannot be read costs that item only.
                items = KeyedDecodingContainer<WireKey>.rows(&c) { rowType.unreadableRow() as? Item }
                return
            }
            var out: [Item] = []
            while !c.isAtEnd { out.append(try c.decode(Item.self)) }
            items = out
        }
    }
    init(items: [Item]) { self.items = items }
    static func empty() -> ArrayPayload { ArrayPayload(items: []) }
}
