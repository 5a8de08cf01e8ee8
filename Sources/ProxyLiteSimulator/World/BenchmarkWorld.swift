import Foundation
import ProxyLiteAPI

/// Which accounts the simulator makes up.
public enum WorldStyle: String, Sendable, CaseIterable {
    /// Usernames from a dozen stems and remarks from a short list: the demo and the tests.
    case catalogue
    /// The world pinned by `docs/benchmark-world.md`: names and remarks nobody tuned the
    /// dashboard for (mixed case and digits, CJK, emoji and ZWJ sequences, decomposed accents),
    /// every number served as a string, usage rates spread over three decades.
    case benchmark
}

extension SimulatorConfiguration {
    /// The benchmark world of `docs/benchmark-world.md` at this size. Seed 14 is the one the
    /// README's figures were measured on.
    public static func benchmarkWorld(
        seed: UInt64 = 14, accounts: Int, staticIPs: Int = 200, orders: Int = 100
    )
        -> SimulatorConfiguration
    {
        var configuration = SimulatorConfiguration(seed: seed, accounts: accounts, staticIPs: staticIPs, orders: orders)
        configuration.world = .benchmark
        // One row in a thousand carries one value the client cannot read (huge, NaN, bad date …).
        configuration.faults.hostileRows = 0.001
        return configuration
    }
}

/// The benchmark world's accounts (see `docs/benchmark-world.md`, which this follows line by line).
enum BenchmarkAccounts {
    static let limitsGB = [1, 5, 10, 20, 50, 100, 500, 1000, 5000]
    static let words = [
        "crawler", "Shop", "SEO", "price-watch", "ads", "QA", "backup", "Tokyo", "eu-west", "mobile", "retail", "monitor",
    ]
    static let emoji = ["🚀", "👍", "🔥", "📦", "🛒", "✅", "🇯🇵", "🇩🇪", "⚠️", "👍🏽"]
    /// Zero-width-joiner sequences: one grapheme, several scalars, two columns.
    static let zwj = ["👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍🔬", "👁️‍🗨️"]
    /// Decomposed (NFD) accents: equal to their precomposed forms under Unicode comparison.
    static let accented = ["Ame\u{301}lie", "Zu\u{308}rich", "café", "São Paulo", "Kraków", "naïve"]

    /// Mixed-case letters, the row's number, more letters: unique by construction, since the
    /// digits are the number and letters cannot be mistaken for them.
    static func username(_ index: Int, _ random: inout SeededRandom) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let head = String((0..<random.int(2...8)).map { _ in random.pick(letters) })
        let tail = String((0..<random.int(0...4)).map { _ in random.pick(letters) })
        return head + String(index + 1) + tail
    }

    static func remark(_ random: inout SeededRandom) -> String {
        let roll = random.double(0...1)
        let number = String(random.int(1...9_999))
        switch roll {
        case ..<0.30: return ""
        case ..<0.55: return "\(random.pick(words)) \(random.pick(words)) \(number)"
        case ..<0.75: return cjk(random.int(2...10), &random) + (random.chance(0.5) ? number : "")
        case ..<0.85: return "\(random.pick(emoji)) \(random.pick(words)) \(number)"
        case ..<0.90: return "\(random.pick(zwj)) \(random.pick(words))"
        case ..<0.95: return "\(random.pick(accented)) \(number)"
        default: return kana(random.int(2...8), &random)
        }
    }

    /// CJK unified ideographs, U+4E00…U+9FA5.
    static func cjk(_ count: Int, _ random: inout SeededRandom) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<count { text.append(Unicode.Scalar(UInt32(random.int(0x4E00...0x9FA5)))!) }
        return String(text)
    }

    /// Katakana and Hangul syllables.
    static func kana(_ count: Int, _ random: inout SeededRandom) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<count {
            let scalar = random.chance(0.5) ? random.int(0x30A1...0x30FA) : random.int(0xAC00...0xD7A3)
            text.append(Unicode.Scalar(UInt32(scalar))!)
        }
        return String(text)
    }

    /// Log-uniform between `low` and `high`.
    static func logUniform(_ low: Double, _ high: Double, _ random: inout SeededRandom) -> Double {
        exp(random.double(log(low)...log(high)))
    }
}

extension World {
    mutating func generateBenchmarkAccounts(_ count: Int, now: Date, random: inout SeededRandom) {
        accounts.reserveCapacity(count)
        for index in 0..<count {
            let username = BenchmarkAccounts.username(index, &random)
            let limit = random.chance(0.3) ? 0 : random.pick(BenchmarkAccounts.limitsGB)
            let limitKB = Double(limit) * 1024 * 1024
            var usage = BenchmarkAccounts.logUniform(1_024, 500 * 1024 * 1024, &random)
            if limit > 0 { usage = min(usage, limitKB * random.double(0...0.99)) }
            let rate = random.chance(0.4) ? 0 : BenchmarkAccounts.logUniform(1, 1_024, &random)
            accounts.append(
                SimAccount(
                    id: nextAccountID, username: username, password: random.alphanumeric(12),
                    createdAt: now.addingTimeInterval(-Double(random.int(60...63_000_000))),
                    remark: BenchmarkAccounts.remark(&random), productType: random.pick([9, 9, 9, 11, 14, 25]),
                    usageKB: usage.rounded(), usageAsOf: now, rateKBps: rate, limitGB: limit, dailyLimitGB: 0,
                    enabled: !random.chance(0.1), udp: false))
            nextAccountID += 1
        }
    }
}
