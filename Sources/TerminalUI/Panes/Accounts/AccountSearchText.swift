import Monitor
import ProxyLiteAPI

/// Every account's name and remark, ASCII letters folded to lower case, in one byte array (a
/// NUL between name and remark, which no typed filter contains): the filter scans it without
/// touching the rows, whose every access retains and releases each of their strings. Made when
/// a filter is typed on new accounts; about 35 bytes a row.
struct AccountSearchText {
    private var bytes: [UInt8] = []
    /// Row i's text is `bytes[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]

    init(_ rows: [AccountRow]) {
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            Self.appendFolded(row.account.username, to: &bytes)
            bytes.append(0)
            Self.appendFolded(row.account.remark, to: &bytes)
            starts.append(bytes.count)
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

    /// The rows of `order` (in that order) whose name or remark contains `needle` (lower-cased
    /// UTF-8 without NUL), as `VisibleLists.contains` finds it in either.
    func filter(_ order: [Int], _ needle: [UInt8]) -> [Int] {
        guard let first = needle.first else { return order }
        return bytes.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                order.filter { row in Self.find(needle, first, in: text, from: starts[row], to: starts[row + 1]) }
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
