import NIOCore

/// Reads the account list's answer as it arrives, one account at a time, so that the 28 MB answer
/// of 100 000 accounts is never held whole: only the envelope around the list, the account being
/// read, and the accounts read so far.
///
/// It finds `data.list` by following the JSON's nesting byte by byte (strings and escapes
/// included), hands each element of the list to `AccountListScanner` on its own, and at the end
/// checks the envelope (everything but the list's elements) with the same scanner. The accounts it
/// gives are therefore those `AccountListScanner.scan` gives for the whole answer.
///
/// When it cannot be sure of that (an element the scanner refuses, a second `list`, an envelope
/// the scanner refuses) it says so, and the caller asks again and reads the whole answer the slow
/// way: an odd answer costs one more request, never the list. An answer in which it finds no list
/// (an error, `data: null`, a list behind an escaped key) it keeps whole, for that same slow way.
struct AccountListStream: BodySink {
    enum Outcome {
        /// The accounts, read as the scanner reads them.
        case accounts([SubAccount])
        /// The whole answer, kept because no list was found in it.
        case whole(ByteBuffer)
        /// The list was read in part and then could not be trusted, in an answer that is whole
        /// (its brackets close): ask again for it, to read it whole.
        case askAgain
        /// The answer was cut off, or its brackets do not close: it is not JSON, and asking again
        /// out of turn would not make it so (the next poll will).
        case notJSON
    }

    private enum Phase {
        /// Before the list: every byte is kept (it may be all there is).
        case head
        /// Inside the list, between its elements or in one.
        case list
        /// After the list: kept, for the envelope's check.
        case tail
        /// Read in part and then found odd: the rest is only counted, and what was read is let go.
        case odd
    }

    private let providerOffset: Int
    private var phase = Phase.head
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    /// The element being read, from its first byte.
    private var element: [UInt8] = []
    private var accounts: [SubAccount] = []
    /// Bytes of the list's elements read so far, and the answer's announced length, to size
    /// `accounts` once the first elements show how long one is.
    private var elementBytes = 0
    private var announced: Int?
    private var reserved = false

    // The nesting as followed so far.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// An element of the list has begun and not yet ended.
    private var inElement = false
    /// The opener of each container at depths 1 to 3 (index 0 unused).
    private var openers: [UInt8] = [0, 0, 0, 0]
    /// The key of the member being read in the objects at depths 1 and 2, and the last string
    /// read at those depths (a key once its colon comes).
    private var keys: [[UInt8]] = [[], [], []]
    private var lastString: [UInt8] = []
    private var lists = 0
    private var unbalanced = false

    init(providerOffset: Int) {
        self.providerOffset = providerOffset
    }

    /// An answer that is not a success is kept whole: its words are the error.
    private var notSuccess = false

    mutating func start(status: Int, length: Int?) {
        announced = length
        notSuccess = !(200..<300).contains(status)
    }

    mutating func append(_ chunk: ByteBuffer) {
        chunk.withUnsafeReadableBytes { bytes in
            if notSuccess {
                head.append(contentsOf: bytes)
                return
            }
            var i = 0
            while i < bytes.count {
                switch phase {
                case .head:
                    head.append(bytes[i])
                    follow(bytes[i])
                    i += 1
                case .tail:
                    tail.append(bytes[i])
                    follow(bytes[i])
                    i += 1
                case .list:
                    i = list(bytes, from: i)
                case .odd:
                    skim(bytes, from: i)
                    return
                }
            }
        }
    }

    /// What the answer gave, once it is complete.
    func finish() -> Outcome {
        if notSuccess { return .whole(ByteBuffer(bytes: head)) }
        switch phase {
        case .list: return .notJSON
        case .odd: return closed ? .askAgain : .notJSON
        case .head: return .whole(ByteBuffer(bytes: head))
        case .tail:
            guard closed else { return .notJSON }
            guard lists == 1 else { return .askAgain }
            // The envelope with one marker row in place of the list's: the scanner must take it and
            // find that row alone, which proves the list read is the one it would read (not one
            // before a second `list`, or a `data` spelled with escapes, which it reads as the same).
            // The marker's name is new to every answer, so that no answer can carry it.
            let name = "proxylite-top stream marker \(UInt64.random(in: 0...UInt64.max))"
            let envelope = head + Array(#"{"username":"\#(name)"}"#.utf8) + tail
            let list = envelope.withUnsafeBytes { AccountListScanner.scan($0, providerOffset: providerOffset) }
            guard let list, list.count == 1, list[0].username == name else { return .askAgain }
            return .accounts(accounts)
        }
    }

    /// A byte inside a string: an escape, what it escapes, or the quote that ends the string.
    @inline(__always) private mutating func stringByte(_ byte: UInt8) {
        if escaped {
            escaped = false
        } else if byte == UInt8(ascii: "\\") {
            escaped = true
        } else if byte == UInt8(ascii: "\"") {
            inString = false
        }
    }

    /// Whether the answer's brackets all closed, outside any string.
    private var closed: Bool { depth == 0 && !inString && !unbalanced }

    /// The rest of an answer given up on: only its nesting is followed, to tell a whole answer
    /// (worth asking for again) from one cut off.
    private mutating func skim(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        for i in start..<bytes.count where !unbalanced {
            let byte = bytes[i]
            if inString {
                stringByte(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { unbalanced = true }
                depth -= 1
            default: break
            }
        }
    }

    /// Gives up on the answer: nothing read is kept while it is asked for again.
    private mutating func becomeOdd() {
        phase = .odd
        head = []
        tail = []
        element = []
        accounts = []
    }

    // MARK: - Following the nesting

    /// A byte before or after the list: nesting, strings and keys.
    private mutating func follow(_ byte: UInt8) {
        guard !unbalanced else { return }
        if inString {
            stringByte(byte)
            // The closing quote is not the string's.
            if inString && depth <= 2 { lastString.append(byte) }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            lastString.removeAll(keepingCapacity: true)
        case UInt8(ascii: ":"):
            if depth >= 1 && depth <= 2 { keys[depth] = lastString }
        case UInt8(ascii: ","):
            if depth >= 1 && depth <= 2 { keys[depth] = [] }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            if depth <= 3 { openers[depth] = byte }
            if depth == 3, byte == UInt8(ascii: "["), openers[1] == UInt8(ascii: "{"), openers[2] == UInt8(ascii: "{"),
                keys[1] == Self.data, keys[2] == Self.list
            {
                lists += 1
                // A second list: the scanner would keep the last one, and the first is read already.
                if phase == .tail {
                    becomeOdd()
                } else {
                    phase = .list
                }
            }
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            // More closed than opened: not JSON, and nothing more can be recognised in it.
            guard depth > 0 else {
                unbalanced = true
                return
            }
            if depth <= 2 { keys[depth] = [] }
            depth -= 1
        default:
            break
        }
    }

    private static let data = Array("data".utf8)
    private static let list = Array("list".utf8)

    /// The list's bytes from `start` on, up to its end or the chunk's: elements are found by
    /// their nesting and read straight from the chunk; only one cut by the chunk's end is copied
    /// (a copy of every byte, one at a time, cost more than reading the accounts). Gives where it
    /// stopped.
    private mutating func list(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var i = start
        // Where this chunk's part of the current element begins (it began in this chunk or before).
        var from: Int? = inElement ? start : nil
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                stringByte(byte)
                i += 1
                continue
            }
            if depth == 3 {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "]"):
                    endElement(from.map { UnsafeRawBufferPointer(rebasing: bytes[$0..<i]) }, last: byte == UInt8(ascii: "]"))
                    from = nil
                    i += 1
                    guard phase == .list else {
                        if byte == UInt8(ascii: "]") { depth -= 1 }
                        return i  // the rest is skimmed
                    }
                    if byte == UInt8(ascii: "]") {
                        phase = .tail
                        tail.append(byte)
                        depth -= 1
                        return i
                    }
                    continue
                case 0x20, 0x0A, 0x0D, 0x09:
                    if !inElement {
                        i += 1
                        continue
                    }
                default:
                    if !inElement {
                        inElement = true
                        from = i
                    }
                }
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                // An element that closes more than it opened: the list is not what it seemed.
                if depth < 3 {
                    becomeOdd()
                    return i + 1  // the rest is skimmed
                }
            default: break
            }
            i += 1
        }
        if let from { element.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.count])) }
        return bytes.count
    }

    /// The element is complete: `element` holds what earlier chunks had of it, `piece` what this
    /// one has. An empty element is the end of an empty list (`[]`, or `[ ]`) when it is the last,
    /// and a stray comma otherwise.
    private mutating func endElement(_ piece: UnsafeRawBufferPointer?, last: Bool) {
        inElement = false
        let size = element.count + (piece?.count ?? 0)
        guard size > 0 else {
            if last && accounts.isEmpty && elementBytes == 0 { return }
            becomeOdd()
            return
        }
        let account: SubAccount?
        if element.isEmpty, let piece {
            account = AccountListScanner.scanAccount(piece, providerOffset: providerOffset)
        } else {
            if let piece { element.append(contentsOf: piece) }
            account = element.withUnsafeBytes { AccountListScanner.scanAccount($0, providerOffset: providerOffset) }
            element.removeAll(keepingCapacity: true)
        }
        guard let account else {
            becomeOdd()
            return
        }
        elementBytes += size + 1
        accounts.append(account)
        if !reserved, accounts.count == 256, let announced {
            // The first accounts tell the length of one: room for the rest at once, not by doubling.
            reserved = true
            // Never more than one row per 64 bytes announced: tiny first rows must not reserve
            // gigabytes for an answer that goes on differently.
            let estimate = Double(announced) / (Double(elementBytes) / Double(accounts.count))
            accounts.reserveCapacity(min(Int(estimate * 1.02) + 16, announced / 64))
        }
    }
}
