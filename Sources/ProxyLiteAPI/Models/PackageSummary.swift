/// Totals over the purchased packages, from user-product/summary (sent in KB, held in bytes).
public struct PackageSummary: Sendable, Hashable, APIPayload {
    public var totalBytes: Int64
    public var totalCount: Int
    /// What is left of the packages still valid.
    public var effectiveBytes: Int64
    public var effectiveCount: Int
    public var effectiveTotalBytes: Int64
    public var effectiveUsedBytes: Int64
    /// What is left of packages that expire within 7 days.
    public var expiringBytes: Int64
    public var expiringCount: Int
    public var expiredBytes: Int64
    public var expiredCount: Int
    public var usedBytes: Int64
    /// Totals that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        func kb(_ name: String) -> Int64 { ByteUnits.fromKB(c.count(name) ?? 0) }
        totalBytes = kb("total")
        totalCount = c.int("total_count") ?? 0
        effectiveBytes = kb("effective")
        effectiveCount = c.int("effective_count") ?? 0
        effectiveTotalBytes = kb("effective_total")
        effectiveUsedBytes = kb("effective_used")
        expiringBytes = kb("temporary")
        expiringCount = c.int("temporary_count") ?? 0
        expiredBytes = kb("expired")
        expiredCount = c.int("expired_count") ?? 0
        usedBytes = kb("used")
        unreadable = c.unreadable
    }

    public init() {
        totalBytes = 0
        totalCount = 0
        effectiveBytes = 0
        effectiveCount = 0
        effectiveTotalBytes = 0
        effectiveUsedBytes = 0
        expiringBytes = 0
        expiringCount = 0
        expiredBytes = 0
        expiredCount = 0
        usedBytes = 0
    }

    public static func empty() -> PackageSummary { PackageSummary() }
}
