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

        static func < (a: Candidate, b: Candidate) -> Bool { a.rank != b.rank ? a.rank < b.rank : a.key < b.key }
        static func == (a: Candidate, b: Candidate) -> Bool { a.rank == b.rank && a.key == b.key }
    }

    /// The indices (into the caller's array) of the chosen candidates, with their keys.
    static func pick<Rank: Comparable>(_ candidates: [Candidate<Rank>], limit: Int?) -> [(key: String, index: Int)] {
        if limit == 0 { return [] }
        guard let limit, limit < candidates.count else { return bestPerKey(candidates) }
        var chosen: [(key: String, index: Int)] = []
        chosen.reserveCapacity(limit)
        var seen = Set<String>(minimumCapacity: limit)
        for candidate in candidates.sorted() where seen.insert(candidate.key).inserted {
            chosen.append((candidate.key, candidate.index))
            if chosen.count == limit { break }
        }
        return chosen
    }

    /// Every key once, with its best candidate, in no particular order (the registry keeps none).
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
