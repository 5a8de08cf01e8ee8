/// Picks the subjects that get series: at most `limit`, the best first, one per label value.
///
/// Two sub-accounts can share a username (the API addresses accounts by name) and a series is
/// named by it, so of those sharing a key only the best is kept: the higher usage, the sooner
/// expiry. Ties are broken by the key, so that equal subjects do not take turns from one scrape
/// to the next.
enum SubjectSelection {
    /// Ordered best first: by rank, then by key.
    struct Candidate<Rank: Comparable>: Comparable {
        let key: String
        /// Lower is better.
        let rank: Rank
        let index: Int

        /// The index last, so that of twins (same key, same rank) the first is always the one kept.
        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            return a.key != b.key ? a.key < b.key : a.index < b.index
        }
    }

    /// The indices (into the caller's array) of the chosen candidates, with their keys, in no
    /// particular order (the registry keeps none).
    ///
    /// Without sorting them all: a pool of the best seen so far is cut back to `limit` keys
    /// whenever it fills, and a candidate no better than the worst kept cannot make the cut
    /// (`limit` other keys already beat it), so most are passed over with one comparison.
    static func pick<Rank: Comparable>(_ candidates: [Candidate<Rank>], limit: Int?) -> [(key: String, index: Int)] {
        if limit == 0 { return [] }
        guard let limit, limit < candidates.count else { return bestPerKey(candidates) }
        let capacity = 2 * limit + 64
        var pool: [Candidate<Rank>] = []
        pool.reserveCapacity(capacity)
        var worstKept: Candidate<Rank>?
        for candidate in candidates {
            if let worstKept, !(candidate < worstKept) { continue }
            pool.append(candidate)
            if pool.count >= capacity {
                pool = firstPerKey(pool, limit: limit)
                // Fewer than `limit` keys (many sharing one): nothing can be ruled out yet.
                worstKept = pool.count == limit ? pool.last : nil
            }
        }
        return firstPerKey(pool, limit: limit).map { ($0.key, $0.index) }
    }

    /// The best candidate of each of the best `limit` keys, best first.
    private static func firstPerKey<Rank: Comparable>(_ pool: [Candidate<Rank>], limit: Int) -> [Candidate<Rank>] {
        var chosen: [Candidate<Rank>] = []
        chosen.reserveCapacity(limit)
        var seen = Set<String>(minimumCapacity: limit)
        for candidate in pool.sorted() where seen.insert(candidate.key).inserted {
            chosen.append(candidate)
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// Every key once, with its best candidate.
    private static func bestPerKey<Rank: Comparable>(_ candidates: [Candidate<Rank>]) -> [(key: String, index: Int)] {
        var best: [String: Candidate<Rank>] = [:]
        best.reserveCapacity(candidates.count)
        for candidate in candidates {
            if let held = best[candidate.key], !(candidate < held) { continue }
            best[candidate.key] = candidate
        }
        return best.values.map { ($0.key, $0.index) }
    }
}
