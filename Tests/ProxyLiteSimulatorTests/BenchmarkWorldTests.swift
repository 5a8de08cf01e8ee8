import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The benchmark world has the shapes `docs/benchmark-world.md` promises, through the real
/// client: names and remarks nobody tuned for, numbers as strings, and the same world per seed.
@Suite struct BenchmarkWorldTests {
    static func accounts(seed: UInt64 = 14) async throws -> [SubAccount] {
        try await withSimulator(.benchmarkWorld(seed: seed, accounts: 2_000)) { _, client in try await client.accounts() }
    }

    @Test func namesAndRemarksMixScriptsCaseAndDigits() async throws {
        let accounts = try await Self.accounts()
        #expect(accounts.count == 2_000)
        let readable = accounts.filter { $0.hasIdentity }
        #expect(Set(readable.map(\.username)).count == readable.count)
        #expect(readable.allSatisfy { $0.username.contains(where: \.isNumber) })
        #expect(readable.filter { $0.username.contains(where: \.isUppercase) && $0.username.contains(where: \.isLowercase) }.count > 1_500)
        func share(_ test: (String) -> Bool) -> Double { Double(accounts.filter { test($0.remark) }.count) / 2_000 }
        let cjk = share { $0.unicodeScalars.contains { (0x4E00...0x9FA5).contains($0.value) } }
        let zwj = share { $0.unicodeScalars.contains { $0.value == 0x200D } }
        let decomposed = share { $0.unicodeScalars.contains { $0.value == 0x301 || $0.value == 0x308 } }
        let empty = share(\.isEmpty)
        #expect((0.16...0.24).contains(cjk), "CJK \(cjk)")
        #expect((0.03...0.07).contains(zwj), "ZWJ \(zwj)")
        #expect(decomposed > 0.005, "decomposed \(decomposed)")
        #expect((0.26...0.34).contains(empty), "empty \(empty)")
    }

    @Test func everyNumberIsServedAsAString() async throws {
        let body = try await withSimulator(.benchmarkWorld(accounts: 50)) { simulator, _ in
            let url = simulator.baseURL.absoluteString + "/end-point/whitelist-account/list?app_key=" + simulator.configuration.appKey
            return try await URLSession.shared.data(from: URL(string: url)!).0
        }
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("\"usage_flow\":\"") && text.contains("\"product_type\":\"") && text.contains("\"status\":\""))
        #expect(!text.contains("\"usage_flow\":1") && !text.contains("\"status\":1"))
    }

    @Test func aSeedGivesOneWorld() async throws {
        let first = try await Self.accounts(seed: 3).map(\.username)
        let again = try await Self.accounts(seed: 3).map(\.username)
        let other = try await Self.accounts(seed: 4).map(\.username)
        #expect(first == again && first != other)
    }
}
