import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct WorldTests {
    @Test func sameSeedSameWorld() async throws {
        let first = try await Simulator.start(testWorld(seed: 11))
        let second = try await Simulator.start(testWorld(seed: 11))
        let third = try await Simulator.start(testWorld(seed: 12))
        defer {
            Task {
                await first.stop(); await second.stop(); await third.stop()
            }
        }
        let config = { (s: Simulator) in ProxyLiteClient(configuration: .init(profile: s.profile, appKey: s.appKey)) }
        let a = try await config(first).accounts()
        let b = try await config(second).accounts()
        let c = try await config(third).accounts()
        #expect(a.map(\.password.revealed) == b.map(\.password.revealed))
        #expect(a.map(\.limitGB) == b.map(\.limitGB))
        #expect(a.map(\.password.revealed) != c.map(\.password.revealed))
    }

    @Test func worldHasEveryKindOfRecord() async throws {
        try await withSimulator(testWorld(accounts: 200)) { _, client in
            let accounts = try await client.accounts()
            #expect(Set(accounts.map(\.productType)) == Set(ProductType.accountTypes))
            #expect(accounts.contains { $0.remark.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
            #expect(accounts.contains { $0.remark.unicodeScalars.contains { $0.value >= 0x1F300 } })
            #expect(accounts.contains { ($0.limitBytes ?? 0) > 0 && Double($0.usageBytes) / Double($0.limitBytes!) > 0.85 })
            let orders = try await client.allOrders()
            #expect(Set(orders.map(\.status)).isSuperset(of: [.unpaid, .paid, .cancelled, .refunded]))
            let ips = try await client.allStaticIPs()
            #expect(Set(ips.map(\.countryCode)).count >= 5)
            #expect(Set(ips.compactMap(\.status)).count >= 3)
        }
    }

    @Test func wrongPathAndMethodAreHTTPErrors() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            let base = simulator.baseURL.absoluteString
            let (_, missing) = try await URLSession.shared.data(from: URL(string: base + "/end-point/nope")!)
            #expect((missing as? HTTPURLResponse)?.statusCode == 404)
            var post = URLRequest(url: URL(string: base + "/end-point/whitelist-account/list")!)
            post.httpMethod = "POST"
            let (_, wrongMethod) = try await URLSession.shared.data(for: post)
            #expect((wrongMethod as? HTTPURLResponse)?.statusCode == 405)
        }
    }

    @Test func postAcceptsTheKeyInTheQueryToo() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            var request = URLRequest(
                url: URL(string: simulator.baseURL.absoluteString + "/end-point/whitelist-account/enable?app_key=\(testKey)")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"accounts":"shop1"}"#.utf8)
            let (body, _) = try await URLSession.shared.data(for: request)
            let answer = try JSONDecoder().decode(JSONValue.self, from: body)
            #expect(answer["code"] == 200)
            #expect(answer["msg"] != nil)
        }
    }
}
