/// One row as the accounts sort sees it: 16 bytes, compared without touching the row.
public struct AccountSortEntry: Sendable {
    var key: UInt64
    /// The username's rank: rows with equal keys sort by name.
    var tie: UInt32
    var index: UInt32

    /// Key, then name, then the row's place (rows with one name: an order that does not move).
    @inline(__always) static func precedes(_ a: AccountSortEntry, _ b: AccountSortEntry) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.tie != b.tie { return a.tie < b.tie }
        return a.index < b.index
    }

    /// `value`'s bit pattern, made to compare as unsigned integers in the order the doubles
    /// compare (negatives flipped whole, positives with the sign bit set). -0 is taken as 0, as
    /// `==` takes it; NaN (which no column yields) would sort after +infinity.
    @inline(__always) public static func ordered(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
}
