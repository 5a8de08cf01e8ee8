/// Seeded mutations of JSON documents, for throwing at the decoders: byte flips, truncation,
/// splicing two inputs, swapping numbers and strings, deep nesting, huge and non-finite numbers,
/// impossible dates and invalid UTF-8. Input `n` of a run depends only on the seed, `n` and the
/// corpus, so whatever input ends a run can be made again.
public struct FuzzMutator: Sendable {
    public let corpus: [[UInt8]]
    public let seed: UInt64

    public init(corpus: [[UInt8]], seed: UInt64) {
        precondition(!corpus.isEmpty, "the fuzzer needs at least one seed input")
        self.corpus = corpus
        self.seed = seed
    }

    /// The `n`th input of the run: a corpus entry with one to four mutations stacked.
    public func input(_ n: UInt64) -> [UInt8] {
        var random = SeededRandom(state: seed ^ (n &* 0x9E37_79B9_7F4A_7C15))
        var bytes = corpus[random.below(corpus.count)]
        for _ in 0...random.below(4) { mutate(&bytes, &random) }
        return bytes
    }

    static let hostileNumbers = [
        "1e30", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e999", "-1e999", "1e-400",
        "123456789012345678901234567890", "-0", "0.1e-2", "NaN", "Infinity", "-Infinity",
    ]
    static let hostileStrings = [
        "\"2199-01-01 00:00:00\"", "\"0000-00-00 00:00:00\"", "\"2026-13-45 10:00:00\"", "\"2026-02-30\"", "\"NaN\"",
        "\"Infinity\"", "\"1e999\"", "\"9223372036854775807\"", "\"-5\"", "\"\"", "\"\\u0000\\u001b[2J\"", "\"\\ud800\"", "{}", "[]",
        "null",
        "true",
    ]

    private func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        switch random.below(11) {
        case 0:  // flip a bit
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] ^= UInt8(1) << UInt8(random.below(8))
        case 1:  // truncate
            bytes.removeLast(bytes.isEmpty ? 0 : random.below(bytes.count))
        case 2:  // splice: this one's head, another's tail
            let other = corpus[random.below(corpus.count)]
            let head = bytes.isEmpty ? 0 : random.below(bytes.count)
            let tail = other.isEmpty ? 0 : random.below(other.count)
            bytes = Array(bytes[..<head]) + Array(other[tail...])
        case 3: swapNumberAndString(&bytes, &random)
        case 4:  // deep nesting in place of a value
            let depth = [2, 64, 65, 600, 5000][random.below(5)]
            let open = random.below(2) == 0 ? UInt8(ascii: "[") : UInt8(ascii: "{")
            let nested: [UInt8] =
                open == UInt8(ascii: "[")
                ? Array(repeating: open, count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
                : Array(repeating: Array("{\"a\":".utf8), count: depth).flatMap { $0 } + Array("1".utf8)
                    + Array(repeating: UInt8(ascii: "}"), count: depth)
            replaceValue(&bytes, with: nested, &random)
        case 5: replaceValue(&bytes, with: Array(Self.hostileNumbers[random.below(Self.hostileNumbers.count)].utf8), &random)
        case 6: replaceValue(&bytes, with: Array(Self.hostileStrings[random.below(Self.hostileStrings.count)].utf8), &random)
        case 7:  // invalid UTF-8
            let invalid: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]
            bytes.insert(contentsOf: invalid[random.below(invalid.count)], at: random.below(bytes.count + 1))
        case 8:  // repeat a chunk
            guard bytes.count > 1 else { return }
            let start = random.below(bytes.count)
            let chunk = bytes[start..<min(bytes.count, start + 1 + random.below(64))]
            bytes.insert(contentsOf: chunk, at: random.below(bytes.count + 1))
        case 9:  // delete a chunk
            guard bytes.count > 1 else { return }
            let start = random.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(32)))
        default:  // a structural byte somewhere
            let structural = Array("{}[]:,\"\\".utf8)
            bytes.insert(structural[random.below(structural.count)], at: random.below(bytes.count + 1))
        }
    }

    /// Quotes a bare number, or unquotes a string (leaving its text as a bare token).
    private func swapNumberAndString(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard let (start, end) = valueSpan(bytes, &random) else { return }
        if bytes[start] == UInt8(ascii: "\"") {
            guard end - start >= 2 else { return }
            bytes.remove(at: end - 1)
            bytes.remove(at: start)
        } else {
            bytes.insert(UInt8(ascii: "\""), at: end)
            bytes.insert(UInt8(ascii: "\""), at: start)
        }
    }

    private func replaceValue(_ bytes: inout [UInt8], with value: [UInt8], _ random: inout SeededRandom) {
        guard let (start, end) = valueSpan(bytes, &random) else {
            bytes.insert(contentsOf: value, at: random.below(bytes.count + 1))
            return
        }
        bytes.replaceSubrange(start..<end, with: value)
    }

    /// The span of a scalar value after a random `:`: a string, a number or a word.
    private func valueSpan(_ bytes: [UInt8], _ random: inout SeededRandom) -> (Int, Int)? {
        guard !bytes.isEmpty else { return nil }
        var colon = random.below(bytes.count)
        while colon < bytes.count, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < bytes.count else { return nil }
        var start = colon + 1
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        guard start < bytes.count else { return nil }
        var end = start + 1
        if bytes[start] == UInt8(ascii: "\"") {
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            end = min(bytes.count, end + 1)
        } else {
            let stops = Array(",}] \n".utf8)
            while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
        }
        return (start, end)
    }
}
