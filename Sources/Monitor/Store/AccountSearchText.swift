import Foundation
import ProxyLiteAPI

/// Every account's name and remark, ASCII letters folded to lower case, in one byte array (a
/// NUL between name and remark, which no typed filter contains): the filter scans it without
/// touching the rows, whose every access retains and releases each of their strings. The store
/// makes it with each accounts poll whose names or remarks changed, off the curses thread, so
/// that the first key typed into the filter does not pay for it; about 40 bytes a row.
public struct AccountSearchText: Sendable {
    private var bytes: [UInt8] = []
    /// Row i's text is `bytes[starts[i]..<starts[i + 1]]`.
    private var starts: [UInt32] = [0]
    public private(set) var count = 0
    /// The fetch time of the accounts list this is the text of (nil when made by hand).
    public internal(set) var fetchedAt: Date?

    public init(_ rows: [AccountRow]) {
        count = rows.count
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            Self.appendFolded(row.account.username, to: &bytes)
            bytes.append(0)
            Self.appendFolded(row.account.remark, to: &bytes)
            starts.append(UInt32(truncatingIfNeeded: bytes.count))
        }
    }

    /// ASCII folded byte by byte; other text lower-cased as the typed filter is, so that "É"
    /// finds "Émile" (what is typed is lower-cased with Unicode's rules).
    private static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        if text.utf8.contains(where: { $0 >= 0x80 }) {
            bytes.append(contentsOf: text.lowercased().utf8)
            return
        }
        for byte in text.utf8 { bytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte) }
    }

    /// Whether this is the text of `accounts`' rows.
    public func fit(_ accounts: ResourceState<[AccountRow]>) -> Bool {
        fetchedAt != nil && accounts.fetchedAt == fetchedAt && (accounts.value?.count ?? 0) == count
    }

    /// The rows of `order` (in that order) whose name or remark contains `needle` (lower-cased
    /// UTF-8 without NUL), as `VisibleLists.contains` finds it in either.
    public func filter(_ order: [Int], _ needle: [UInt8]) -> [Int] {
        guard let first = needle.first else { return order }
        return bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                guard order.count > count / 4 else {
                    return order.filter { row in Self.find(needle, first, in: text, from: Int(starts[row]), to: Int(starts[row + 1])) }
                }
                // Most rows: the text read front to back, as it lies in memory, then the order
                // kept where a row matched (reading the rows in the order's order jumps about 4 MB).
                var matched = [Bool](repeating: false, count: count)
                for row in 0..<count {
                    matched[row] = Self.find(needle, first, in: text, from: Int(starts[row]), to: Int(starts[row + 1]))
                }
                return order.filter { matched[$0] }
            }
        }
    }

    @inline(__always) private static func find(
        _ needle: UnsafeBufferPointer<UInt8>, _ first: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Bool {
        let last = end - needle.count
        var i = start
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < needle.count, text[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
