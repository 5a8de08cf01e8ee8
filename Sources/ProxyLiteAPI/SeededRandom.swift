/// SplitMix64: small, fast and the same on every platform, so that a seed always gives the same
/// simulated world and replays the same fuzz run (the standard library's generator is neither
/// seedable nor stable across versions). One generator for the simulator and both fuzzers.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// Starts from `state` itself (the fuzzers' numbering of inputs depends on it).
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stateless hash of several numbers to 0..<1, for values derived on demand (daily traffic).
    public static func unit(_ values: UInt64...) -> Double {
        var generator = SeededRandom(seed: values.reduce(0x1234_5678) { ($0 ^ $1) &* 0x100_0000_01B3 })
        return Double(generator.next() >> 11) / Double(1 << 53)
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    public mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) / Double(1 << 53)
    }

    /// 0..<n (0 when n is 0).
    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    public mutating func alphanumeric(_ count: Int) -> String {
        let letters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<count).map { _ in letters[Int(next() % UInt64(letters.count))] })
    }
}
