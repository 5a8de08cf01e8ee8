import Foundation

/// A one-pass reader for the answer of whitelist-account/list, the only unpaginated list of the
/// API: 100 000 accounts arrive as one 20 MB document, and JSONDecoder's index of it would double
/// the monitor's memory at every poll. It reads the bytes once, straight into `SubAccount`s, with
/// the same tolerance as the model's decoder (numbers as strings, nulls, unknown fields).
///
/// Anything it does not expect — an error code, an odd shape, a value it cannot read — makes it
/// return nil, and the caller decodes with JSONDecoder and the model's field-by-field decoder,
/// which keeps every row and notes each value it cannot read. The normal case stays fast; an odd
/// list costs one slower decode, never the list.
struct AccountListScanner {
    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    private var depth = 0
    private let offset: Int

    private init(_ bytes: UnsafeRawBufferPointer, offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    static func scan(_ bytes: UnsafeRawBufferPointer, providerOffset: Int) -> [SubAccount]? {
        var scanner = AccountListScanner(bytes, offset: providerOffset)
        return scanner.document()
    }

    /// One account, alone in `bytes` (spaces around it allowed): an element of the list, read as
    /// `scan` reads it within the list. nil for anything `scan` would hand back.
    static func scanAccount(_ bytes: UnsafeRawBufferPointer, providerOffset: Int) -> SubAccount? {
        var scanner = AccountListScanner(bytes, offset: providerOffset)
        guard let account = scanner.account() else { return nil }
        scanner.space()
        return scanner.i == bytes.count ? account : nil
    }

    // MARK: - Structure

    private mutating func document() -> [SubAccount]? {
        var accounts: [SubAccount]?
        var code: Int64?
        guard
            object({ key, scanner in
                switch key {
                case "code":
                    guard let value = scanner.scalar(), let number = value.integer else { return false }
                    code = number
                case "data":
                    scanner.space()
                    guard scanner.peek == UInt8(ascii: "{") else { return false }  // null, [] …: let JSONDecoder decide
                    return scanner.object { key, scanner in
                        guard key == "list" else { return scanner.skip() }
                        accounts = scanner.list()
                        return accounts != nil
                    }
                default: return scanner.skip()
                }
                return true
            })
        else { return nil }
        space()
        guard i == bytes.count, code == 200 else { return nil }
        return accounts
    }

    private mutating func list() -> [SubAccount]? {
        space()
        guard take(UInt8(ascii: "[")) else { return nil }
        var accounts: [SubAccount] = []
        // About 200 bytes an account: reserving avoids the copies of a doubling array.
        accounts.reserveCapacity(bytes.count / 200)
        space()
        if take(UInt8(ascii: "]")) { return accounts }
        repeat {
            guard let account = account() else { return nil }
            accounts.append(account)
            space()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? accounts : nil
    }

    private mutating func account() -> SubAccount? {
        var id: Int64 = 0
        var username = ""
        var password = ""
        var created: Date?
        var remark = ""
        var type: Int64 = 0
        var usage: Int64 = 0
        var limit: Int64 = 0
        var status: Int64 = 1
        // A scalar it cannot read (garbage, a negative count, an impossible date) is noted, as the
        // model's decoder notes it; only a shape it does not expect hands the list over.
        var unreadable: Set<String> = []
        let ok = object { key, scanner in
            // The integers, as nearly all arrive (digits, quoted or not), read from the bytes
            // without making a String of each; anything else is read as a scalar below.
            switch key {
            case "id", "product_type", "usage_flow", "limit_flow", "status":
                guard let n = scanner.plainInteger() else { break }
                switch key {
                case "id": id = n
                case "product_type": type = n
                case "usage_flow": if n >= 0 { usage = n } else { unreadable.insert(key) }
                case "limit_flow": if n >= 0 { limit = n } else { unreadable.insert(key) }
                default: status = n
                }
                return true
            default: break
            }
            guard let value = scanner.scalar() else {
                // An object or array where a value belongs costs that value, as in the model's
                // decoder, not the list: one such row once sent 100 000 accounts through JSONDecoder.
                if AccountListScanner.knownFields.contains(key) { unreadable.insert(key) }
                return scanner.skip()
            }
            switch key {
            case "id": if let n = value.integerOrNull(default: 0) { id = n } else { unreadable.insert(key) }
            case "username": username = value.text ?? ""
            case "password": password = value.text ?? ""
            case "remark": remark = value.text ?? ""
            case "product_type": if let n = value.integerOrNull(default: 0) { type = n } else { unreadable.insert(key) }
            case "usage_flow":
                if let n = value.integerOrNull(default: 0), n >= 0 { usage = n } else { unreadable.insert(key) }
            case "limit_flow":
                if let n = value.integerOrNull(default: 0), n >= 0 { limit = n } else { unreadable.insert(key) }
            case "status": if let n = value.integerOrNull(default: 1) { status = n } else { unreadable.insert(key) }
            case "created_at":
                switch value {
                case .string(let text):
                    do { created = try APIDate.parse(text, providerOffset: scanner.offset) } catch { unreadable.insert(key) }
                case .number(let text):
                    if let seconds = Int64(text), seconds >= 0 {
                        created = seconds == 0 ? nil : APIDate.bounded(seconds: seconds)
                    } else {
                        unreadable.insert(key)
                    }
                case .null: created = nil
                case .bool: unreadable.insert(key)
                }
            default: break
            }
            return true
        }
        guard ok else { return nil }
        var account = SubAccount(
            id: Int(truncatingIfNeeded: id), username: username, password: password, createdAt: created, remark: remark,
            productType: ProductType(Int(truncatingIfNeeded: type)), usageBytes: ByteUnits.fromKB(usage), limitGB: limit,
            isEnabled: status == 1)
        if !unreadable.isEmpty {
            // In the decoder's order, so that both readers give equal accounts.
            account.unreadable = UnreadableFields(Self.fieldOrder.filter(unreadable.contains))
        }
        return account
    }

    /// The order in which `SubAccount(from:)` reads its fields.
    static let fieldOrder = ["id", "username", "password", "created_at", "remark", "product_type", "usage_flow", "limit_flow", "status"]

    static let knownFields: Set<String> = [
        "id", "username", "password", "remark", "product_type", "usage_flow", "limit_flow", "status", "created_at",
    ]

    // MARK: - Tokens

    private enum Scalar {
        case string(String)
        case number(String)
        case bool(Bool)
        case null

        var text: String? {
            switch self {
            case .string(let s), .number(let s): return s
            case .bool(let b): return b ? "true" : "false"
            case .null: return nil
            }
        }

        var integer: Int64? {
            switch self {
            case .number(let s), .string(let s):
                // Foundation's trimming costs more than the rest of the number's reading: asked
                // only when an end is a space (every space `.whitespaces` trims is `isWhitespace`).
                let padded = s.first?.isWhitespace == true || s.last?.isWhitespace == true
                let t = padded ? s.trimmingCharacters(in: .whitespaces) : s
                if let v = Int64(t) { return v }
                if let d = Double(t), d.isFinite, abs(d) < 9e18 { return Int64(d.rounded()) }
                return nil
            case .bool(let b): return b ? 1 : 0
            case .null: return nil
            }
        }

        /// The value as the model's lenient reader takes it: null or "" give `default`, garbage gives nil.
        func integerOrNull(default value: Int64) -> Int64? {
            switch self {
            case .null: return value
            case .string(let s) where s.first.map { $0.isWhitespace && s.trimmingCharacters(in: .whitespaces).isEmpty } ?? true:
                return value
            default: return integer
            }
        }
    }

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard peek == byte else { return false }
        i += 1
        return true
    }

    /// Reads an object, calling `member` for each key with the scanner at its value.
    private mutating func object(_ member: (String, inout AccountListScanner) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        space()
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            space()
            guard let key = string(), take(UInt8(ascii: ":")) else { return false }
            space()
            guard member(key, &self) else { return false }
            space()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// An integer written as at most 18 plain digits, with a minus before them or not, quoted or
    /// not: what `scalar` then `integerOrNull` would read, read without a String. nil (without
    /// moving) for anything else (an exponent, a fraction, a space, a sign `+`, 19 digits …).
    private mutating func plainInteger() -> Int64? {
        space()
        var j = i
        let quoted = j < bytes.count && bytes[j] == UInt8(ascii: "\"")
        if quoted { j += 1 }
        let negative = j < bytes.count && bytes[j] == UInt8(ascii: "-")
        if negative { j += 1 }
        let first = j
        var value: Int64 = 0
        while j < bytes.count, j - first < 18, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") {
            value = value * 10 + Int64(bytes[j] - UInt8(ascii: "0"))
            j += 1
        }
        guard j > first else { return nil }
        if quoted {
            guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") else { return nil }
            j += 1
        } else if j < bytes.count {
            switch bytes[j] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"):
                return nil
            default: break
            }
        }
        i = j
        return negative ? -value : value
    }

    /// A string, number, boolean or null; nil (without moving) for an object or array.
    private mutating func scalar() -> Scalar? {
        space()
        guard let c = peek else { return nil }
        switch c {
        case UInt8(ascii: "\""): return string().map(Scalar.string)
        case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return word("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            while let d = peek,
                d == UInt8(ascii: "-") || d == UInt8(ascii: "+") || d == UInt8(ascii: ".") || d == UInt8(ascii: "e")
                    || d == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d)
            {
                i += 1
            }
            return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        default: return nil
        }
    }

    private mutating func word(_ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
        i += n
        return true
    }

    private mutating func string() -> String? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            i += 1
            return text
        }
        var out = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                continue
            }
            guard let e = peek else { return nil }
            i += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(scalar), word("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: out.append(e)  // \" \\ \/
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            i += 1
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// Skips any value. Deep nesting is handed back to JSONDecoder, which has its own limit,
    /// rather than recursing until the stack runs out.
    private mutating func skip() -> Bool {
        space()
        guard let c = peek else { return false }
        guard depth < 64 else { return false }
        depth += 1
        defer { depth -= 1 }
        if c == UInt8(ascii: "{") { return object { _, scanner in scanner.skip() } }
        if c == UInt8(ascii: "[") {
            i += 1
            space()
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                guard skip() else { return false }
                space()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }
        return scalar() != nil
    }
}
