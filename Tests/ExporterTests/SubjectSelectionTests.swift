import Testing

@testable import Exporter

/// The pooled top-N choice agrees with sorting everything, duplicates and ties included.
@Suite struct SubjectSelectionTests {
    typealias Candidate = SubjectSelection.Candidate<Int>

    /// Sort all, keep each key's first, take `limit`: slow and plainly right.
    private func reference(_ candidates: [Candidate], limit: Int) -> [String] {
        var seen = Set<String>()
        return Array(candidates.sorted().filter { seen.insert($0.key).inserted }.prefix(limit).map(\.key))
    }

    @Test(arguments: [1, 3, 10, 100, 499, 5000])
    func agreesWithSortingEverything(_ limit: Int) {
        var generator = SplitMix(seed: UInt64(limit))
        for round in 0..<20 {
            let count = Int(generator.next() % 3000) + 1
            // Few distinct keys and ranks: many shared usernames and ties.
            let keys = round % 2 == 0 ? 50 : 100_000
            let candidates = (0..<count).map { index in
                Candidate(key: "k\(generator.next() % UInt64(keys))", rank: Int(generator.next() % 200), index: index)
            }
            let picked = SubjectSelection.pick(candidates, limit: limit)
            #expect(picked.map(\.key).sorted() == reference(candidates, limit: limit).sorted(), "limit \(limit), round \(round)")
            for choice in picked {
                // The index is of that key's best candidate.
                let best = candidates.filter { $0.key == choice.key }.min()
                #expect(best?.index == choice.index)
            }
        }
    }

    @Test func ascendingInputStillPicksTheBest() {
        let candidates = (0..<10_000).map { Candidate(key: "k\($0)", rank: 10_000 - $0, index: $0) }
        #expect(Set(SubjectSelection.pick(candidates, limit: 3).map(\.key)) == ["k9999", "k9998", "k9997"])
    }

    @Test func noLimitKeepsEveryKeyOnce() {
        let candidates = [
            Candidate(key: "a", rank: 2, index: 0), Candidate(key: "a", rank: 1, index: 1), Candidate(key: "b", rank: 5, index: 2),
        ]
        let picked = SubjectSelection.pick(candidates, limit: nil).sorted { $0.key < $1.key }
        #expect(picked.map(\.key) == ["a", "b"] && picked.map(\.index) == [1, 2])
        #expect(SubjectSelection.pick(candidates, limit: 0).isEmpty)
    }
}

/// A small seeded generator, so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
