import Foundation
import ProxyLiteAPI

/// Each account's place among all usernames and among all remarks, in Swift's `String` order
/// (Unicode canonical equivalence: `e` + U+0301 equals `é`). The store computes them once per
/// accounts poll, off the curses thread, so that sorting 100 000 rows by any column compares
/// integers instead of Unicode strings on every comparison.
public struct AccountTextRanks: Sendable {
    /// `username[i]` is row i's rank: equal names share one, a smaller rank sorts first.
    public let username: [UInt32]
    public let remark: [UInt32]
    /// The accounts list these were computed for: its fetch time and its length. A snapshot built
    /// by hand (tests, the theme sample) carries none, or ones that no longer match.
    public let fetchedAt: Date?
    public let count: Int

    /// `previous`, the ranks of `previousRows`, are taken as they are when the names and remarks
    /// did not change (the usual poll: only usage moved), which costs one pass instead of a sort.
    public init(
        _ rows: [AccountRow], fetchedAt: Date?, reusing previous: AccountTextRanks? = nil, of previousRows: [AccountRow]? = nil
    ) {
        if let previous, let previousRows, Self.sameTexts(rows, previousRows), previous.count == rows.count {
            username = previous.username
            remark = previous.remark
        } else {
            username = Self.ranks(rows.map(\.account.username))
            remark = Self.ranks(rows.map(\.account.remark))
        }
        self.fetchedAt = fetchedAt
        count = rows.count
    }

    /// `previous` taken as they are, for rows whose names and remarks are those it was made of
    /// (the caller has checked, with `sameTexts`).
    init(carrying previous: AccountTextRanks, fetchedAt: Date?) {
        username = previous.username
        remark = previous.remark
        self.fetchedAt = fetchedAt
        count = previous.count
    }

    /// Whether the two lists have the same names and remarks, row by row.
    static func sameTexts(_ a: [AccountRow], _ b: [AccountRow]) -> Bool {
        guard a.count == b.count else { return false }
        // Byte for byte, not `==` (which takes "é" and "e" + U+0301 as equal): the filter's text
        // is made of the bytes, and the ranks are the same either way.
        for i in a.indices
        where !a[i].account.username.utf8.elementsEqual(b[i].account.username.utf8)
            || !a[i].account.remark.utf8.elementsEqual(b[i].account.remark.utf8)
        {
            return false
        }
        return true
    }

    /// Whether these ranks are those of `accounts`' rows.
    public func fit(_ accounts: ResourceState<[AccountRow]>) -> Bool {
        accounts.fetchedAt == fetchedAt && (accounts.value?.count ?? 0) == count
    }

    /// One sort of the strings themselves, with the standard library's comparison (which the
    /// sort it replaces used), then equal neighbours given one rank.
    static func ranks(_ texts: [String]) -> [UInt32] {
        let order = texts.indices.sorted { texts[$0] < texts[$1] }
        var ranks = [UInt32](repeating: 0, count: texts.count)
        var rank: UInt32 = 0
        for (position, index) in order.enumerated() {
            if position > 0, texts[order[position - 1]] != texts[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }
}
