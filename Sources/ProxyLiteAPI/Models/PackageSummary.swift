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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        func kb(_ name: String) throws -> Int64 { ByteUnits.fromKB(try c.int64(name) ?? 0) }
        totalBytes = try kb("total")
        totalCount = try c.int("total_count") ?? 0
        effectiveBytes = try kb("effective")
        effectiveCount = try c.int("effective_count") ?? 0
        effectiveTotalBytes = try kb("effective_total")
        effectiveUsedBytes = try kb("effective_used")
        expiringBytes = try kb("temporary")
        expiringCount = try c.int("temporary_count") ?? 0
        expiredBytes = try kb("expired")
        expiredCount = try c.int("expired_count") ?? 0
        usedBytes = try kb("used")
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
