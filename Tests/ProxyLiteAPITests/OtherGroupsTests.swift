import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@Suite struct WhitelistTests {
    @Test func addListDelete() async throws {
        try await withSimulator(testWorld()) { _, client in
            let before = try await client.whitelistIPs()
            #expect(before.count == 4)
            try await client.addWhitelistIPs(["192.0.2.200", "2001:db8::42"], remark: "办公室")
            let after = try await client.whitelistIPs()
            #expect(after.count == 6)
            #expect(after.first { $0.ip == "2001:db8::42" }?.remark == "办公室")
            try await client.deleteWhitelistIPs(["192.0.2.200"])
            #expect(try await client.whitelistIPs().count == 5)
        }
    }

    @Test func rejectsWhatIsNotAnIP() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.addWhitelistIPs(["300.1.1.1"]) }
            #expect(error?.fieldErrors["ips"]?.first?.contains("300.1.1.1") == true)
        }
    }

    @Test func deleteCanRequireVerification() async throws {
        var world = testWorld()
        world.whitelistDeleteNeedsVerification = true
        try await withSimulator(world) { _, client in
            let ip = try #require(try await client.whitelistIPs().first?.ip)
            let missing = await #expect(throws: ProxyLiteError.self) { try await client.deleteWhitelistIPs([ip]) }
            #expect(missing?.fieldErrors["verify_type"] != nil)
            let wrong = await #expect(throws: ProxyLiteError.self) {
                try await client.deleteWhitelistIPs([ip], verification: DeletionVerification(kind: .totp, code: "000000"))
            }
            #expect(wrong?.fieldErrors["verify_code"] != nil)
            try await client.deleteWhitelistIPs([ip], verification: DeletionVerification(kind: .totp, code: "246810"))
            #expect(try await client.whitelistIPs().contains { $0.ip == ip } == false)
        }
    }
}

@Suite struct FlowTests {
    @Test func defaultsToTheLastSevenDays() async throws {
        try await withSimulator(testWorld()) { _, client in
            let days = try await client.dailyFlow()
            #expect(days.count == 8)  // seven days back, today included
            #expect(days.map(\.day) == days.map(\.day).sorted())
            #expect(days.dropLast().allSatisfy { $0.bytes > 0 })
        }
    }

    @Test func oneAccountIsPartOfTheWhole() async throws {
        try await withSimulator(testWorld()) { _, client in
            let start = Date().addingTimeInterval(-29 * 86_400)
            let whole = try await client.dailyFlow(from: start, to: Date())
            let busy = try #require(try await client.accounts().first { $0.isEnabled })
            let one = try await client.dailyFlow(from: start, to: Date(), username: busy.username)
            #expect(whole.count == 30 && one.count == 30)
            #expect(zip(whole, one).allSatisfy { $0.day == $1.day && $0.bytes >= $1.bytes })
        }
    }
}

@Suite struct PackagesTests {
    @Test func walksPagesAndSummarises() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let page = try await client.packages(page: 1, size: 3)
            #expect(page.items.count == 3 && page.totalPages == 4 && page.totalCount == 10)
            let all = try await client.allPackages(size: 3)
            #expect(all.count == 10)
            #expect(simulator.requestCounts["user-product/list"] == 5)
            #expect(all.allSatisfy { $0.expiresAt != nil && !$0.orderTitle.isEmpty })
            let summary = try await client.packageSummary()
            #expect(summary.totalCount == 10)
            #expect(summary.effectiveCount + summary.expiredCount == summary.totalCount)
            #expect(summary.totalBytes > summary.usedBytes && summary.totalBytes % 1024 == 0)
            let expired = all.filter { ($0.expiresAt ?? .distantFuture) < Date() }.count
            #expect(summary.expiredCount == expired)
        }
    }

    @Test func aPageCapStopsARunawayWalk() async throws {
        try await withSimulator(testWorld(), client: { $0.maxPages = 2 }) { _, client in
            let packages = try await client.allPackages(size: 3)
            #expect(packages.count == 6)
        }
    }

    @Test func summaryAcceptsOnlyItsTypes() async throws {
        try await withSimulator(testWorld()) { _, client in
            _ = try await client.packageSummary(productType: 12)
            await #expect(throws: ProxyLiteError.self) { try await client.packageSummary(productType: 14) }
        }
    }
}

@Suite struct ExtractionTests {
    @Test func jsonAndTextAgree() async throws {
        try await withSimulator(testWorld()) { _, client in
            let request = ExtractionRequest(countryCode: "US", state: "california", count: 5, lifetimeMinutes: 10, network: .hk)
            let endpoints = try await client.extract(request)
            #expect(endpoints.count == 5)
            #expect(endpoints.allSatisfy { $0.split(separator: ":").count == 2 })
            // Every extraction hands out fresh endpoints, so the two calls agree in shape, not in value.
            let text = try await client.extractText(request, separator: "|")
            let lines = text.split(separator: "|").map(String.init)
            #expect(lines.count == 5)
            #expect(Set(lines.map { $0.split(separator: ":")[0] }) == Set(endpoints.map { $0.split(separator: ":")[0] }))
        }
    }

    @Test func rejectsUnknownCountries() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.extractText(ExtractionRequest(countryCode: "XX"))
            }
            #expect(error?.fieldErrors["cc"] != nil)
        }
    }
}

@Suite struct RegionsTests {
    @Test func v4ListsNeedAnOwnedAccount() async throws {
        try await withSimulator(testWorld()) { _, client in
            let name = try #require(try await client.accounts().first?.username)
            let cities = try await client.citiesV4(username: name)
            #expect(cities.cached && cities.list.contains { $0.city == "Los Angeles" && $0.area == "US" })
            let states = try await client.statesV4(username: name)
            #expect(states.list.contains { $0.state == "california" })
            let areas = try await client.areasV4(username: name)
            #expect(areas.list.first { $0.area == "JP" }?.states.contains { $0.cities.contains("Osaka") } == true)
            await #expect(throws: ProxyLiteError.self) { try await client.citiesV4(username: "stranger1") }
        }
    }

    @Test func cataloguesAndSearch() async throws {
        try await withSimulator(testWorld()) { _, client in
            let cities = try await client.dynamicCities()
            let us = try #require(cities.first { $0.countryCode == "US" })
            #expect(us.nameChinese == "美国" && us.items.contains { $0.city == "Arlington" })
            let states = try await client.dynamicStates()
            #expect(states.first { $0.countryCode == "DE" }?.items.allSatisfy { $0.city == nil } == true)
            #expect(try await client.searchStates(countryCode: "JP") == ["tokyo", "osaka"])
            #expect(try await client.searchCities(countryCode: "US", state: "texas") == ["Houston", "Dallas", "Austin"])
            let error = await #expect(throws: ProxyLiteError.self) { try await client.searchStates(countryCode: "") }
            #expect(error?.fieldErrors["country_code"] != nil)
        }
    }
}

@Suite struct StaticIPTests {
    @Test func everyPageAndEveryFieldKept() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let all = try await client.allStaticIPs(size: 10)
            #expect(all.count == 25)
            #expect(simulator.requestCounts["ip/get-static-ip"] == 3)
            let first = try #require(all.first)
            #expect(first.id != nil && first.port != nil && first.expiresAt != nil)
            // Fields the reference does not document survive in `raw`.
            #expect(first.raw["isp"] != nil && first.raw["auto_renew"] != nil)
            #expect(first.maskedRaw["password"] == "••••••")
            #expect(Set(all.compactMap(\.status)).isSuperset(of: [.valid, .invalid, .expiringSoon]))
        }
    }

    @Test func filters() async throws {
        try await withSimulator(testWorld()) { _, client in
            let expiring = try await client.allStaticIPs(filter: StaticIPFilter(status: .expiringSoon))
            #expect(!expiring.isEmpty && expiring.allSatisfy { $0.status == .expiringSoon })
            let japan = try await client.allStaticIPs(filter: StaticIPFilter(countryCode: "JP"))
            #expect(japan.allSatisfy { $0.countryCode == "JP" })
        }
    }

    @Test func stock() async throws {
        try await withSimulator(testWorld()) { _, client in
            let stock = try await client.staticIPStock(StaticIPRegionFilter(isp: 1))
            #expect(stock.count == 10 && stock.allSatisfy { $0.count >= 0 })
            let pool = try await client.hostPoolRegions()
            #expect(pool.first { $0.countryCode == "JP" }?.nameChinese == "日本")
            await #expect(throws: ProxyLiteError.self) { try await client.staticIPStock(StaticIPRegionFilter(isp: 5)) }
        }
    }
}

@Suite struct CatalogueTests {
    @Test func productsPaymentAndBonus() async throws {
        try await withSimulator(testWorld()) { _, client in
            let products = try await client.products()
            #expect(products.count >= 8)
            let unlimited = try #require(products.first { $0.type == 11 })
            #expect(unlimited.bandwidthSKUs.count == 3 && unlimited.durationSKUs.count == 3)
            #expect(products.first { $0.type == 9 }?.bandwidthSKUs.isEmpty == true)  // `sku: []`
            #expect(products.allSatisfy { $0.preferredPrice?.currency == "USD" })
            let renewals = try await client.products(type: 19, parentType: .staticResidentialIP)
            #expect(renewals.count == 1 && renewals[0].parentProductType == .staticResidentialIP)
            let groups = try await client.paymentGroups()
            // Five enabled, and one the provider lists disabled.
            #expect(groups.flatMap(\.methods).count == 6)
            #expect(groups.flatMap(\.methods).filter(\.disabled).map(\.id) == [6])
            let ratios = try await client.rechargeGiftRatios()
            #expect(ratios.map(\.ratio) == [0.03, 0.06, 0.1])
        }
    }
}

@Suite struct RawRecordTests {
    @Test func rawRecordsOfEveryKindComeBackMasked() async throws {
        try await withSimulator(testWorld()) { _, client in
            let order = try #require(try await client.allOrders().first)
            let package = try #require(try await client.allPackages().first)
            let ip = try #require(try await client.whitelistIPs().first)
            let keys: [RawRecordKey] = [
                .account(username: "shop1"), .order(tradeNo: order.tradeNo), .package(id: package.id, tradeNo: package.tradeNo),
                .whitelistIP(ip.ip),
            ]
            for key in keys {
                let record = try #require(try await client.rawRecord(key), "\(key.label)")
                #expect(record.maskingSecrets() == record)  // already masked
            }
            #expect(try await client.rawRecord(.order(tradeNo: "nope")) == nil)
            let nested = JSONValue.object([("a", .object([("password", "x"), ("App_Key", "k")])), ("password", .null)])
            #expect(
                nested.maskingSecrets() == .object([("a", .object([("password", "••••••"), ("App_Key", "••••••")])), ("password", .null)]))
        }
    }
}
