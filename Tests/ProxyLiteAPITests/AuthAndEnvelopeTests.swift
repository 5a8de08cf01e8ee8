import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// The client as a strict server sees it: `app_key` the documented way on every one of the 33
/// endpoints, success only as the reference defines it, and no redirect followed.
@Suite struct AuthAndEnvelopeTests {
    /// Calls every endpoint once, writes included, in an order that leaves each one valid.
    private func callEveryEndpoint(_ client: ProxyLiteClient) async throws {
        let accounts = try await client.accounts()
        let name = try #require(accounts.first?.username)
        try await client.addAccounts([NewAccount(username: "authcheck1", password: "pass1234")], productType: 9)
        try await client.changePassword(account: name, to: "newpass99")
        try await client.changeRemark(account: name, to: "checked")
        try await client.changeLimit(account: name, gigabytes: 12)
        try await client.changeAccount(name, AccountChange(remark: "checked again"))
        try await client.disableAccounts([name])
        try await client.enableAccounts([name])
        try await client.deleteAccounts(["authcheck1"])
        _ = try await client.whitelistIPs()
        try await client.addWhitelistIPs(["203.0.113.77"], remark: "", productType: nil, userProductID: nil)
        try await client.deleteWhitelistIPs(["203.0.113.77"])
        _ = try await client.dailyFlow()
        _ = try await client.allPackages()
        _ = try await client.packageSummary()
        _ = try await client.extract(ExtractionRequest(countryCode: "US", count: 2))
        _ = try await client.citiesV4(username: name)
        _ = try await client.statesV4(username: name)
        _ = try await client.areasV4(username: name)
        _ = try await client.dynamicCities()
        _ = try await client.dynamicStates()
        _ = try await client.searchStates(countryCode: "US")
        _ = try await client.searchCities(countryCode: "US", state: try #require(try await client.searchStates(countryCode: "US").first))
        let ips = try await client.allStaticIPs(filter: StaticIPFilter(productType: .staticDatacenterIP))
        _ = try await client.staticIPStock()
        _ = try await client.hostPoolRegions()
        _ = try await client.paymentGroups()
        _ = try await client.rechargeGiftRatios()
        let renewal = try #require(try await client.products(type: 19, parentType: .staticDatacenterIP).first(where: \.isPurchasable))
        let request = OrderRequest(
            productID: renewal.id, paymentMethodID: 1, renewIDs: Array(ips.compactMap(\.id).prefix(1)), renewDuration: .oneMonth)
        _ = try await client.checkOrder(request)
        let order = try await client.createOrder(request)
        try await client.closeOrder(tradeNo: order.tradeNo)
        _ = try await client.allOrders()
    }

    @Test(arguments: KeyPlacement.allCases)
    func everyEndpointAuthenticatesWithAppKey(_ placement: KeyPlacement) async throws {
        var world = testWorld()
        world.keyPlacement = placement
        try await withSimulator(world) { simulator, client in
            try await callEveryEndpoint(client)
            let reached = Set(simulator.requestCounts.keys)
            let missing = Endpoint.all.map(\.path).filter { !reached.contains($0) }
            #expect(missing.isEmpty, "not reached: \(missing)")
        }
    }

    @Test func aBearerHeaderAloneOpensNothing() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            for path in ["order/list", "product", "ip/get-static-ip", "whitelist-account/list"] {
                var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + "/end-point/" + path)
                request.headers.add(name: "Authorization", value: "Bearer \(testKey)")
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                let body = try await response.body.collect(upTo: 1 << 20)
                #expect(String(buffer: body).contains(#""code":3"#), "\(path) answered \(String(buffer: body))")
            }
        }
    }

    @Test func unauthorizedWithoutACodeIsAnError() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(codelessUnauthorized: true))) { _, client in
            for call in [{ _ = try await client.allOrders() }, { _ = try await client.accounts() }, { _ = try await client.products() }] {
                let error = await #expect(throws: ProxyLiteError.self) { try await call() }
                #expect(error?.code == .invalidAppKey)
                #expect(error?.message.contains("HTTP 401") == true)
            }
        }
    }

    @Test func aSuccessBodyUnderAnErrorStatusIsAnError() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(successStatus: 500))) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.allOrders() }
            #expect(error?.code == .httpStatus(500))
        }
    }

    @Test func successIsTheCodeOfTheEndpointsGroup() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(swappedSuccessCodes: true))) { _, client in
            let accounts = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(accounts?.code == .api(0))
            let orders = await #expect(throws: ProxyLiteError.self) { try await client.allOrders() }
            #expect(orders?.code == .api(200))
            let products = await #expect(throws: ProxyLiteError.self) { try await client.products() }
            #expect(products?.code == .api(200))
            // Undocumented answer: either code is a success.
            let ips = try await client.allStaticIPs()
            #expect(!ips.isEmpty)
        }
    }

    @Test func aRedirectIsNotFollowedAndNamesItsTarget() async throws {
        try await withSimulator(testWorld()) { elsewhere, _ in
            let origin = elsewhere.baseURL.absoluteString
            try await withSimulator(testWorld(faults: FaultPlan(redirectTo: origin))) { _, client in
                let write = await #expect(throws: ProxyLiteError.self) { try await client.disableAccounts(["shop1"]) }
                #expect(write?.code == .redirect(307))
                #expect(write?.message.contains(origin) == true)
                #expect(write?.message.contains(testKey) == false, "the Location echoes the query, key included")
                let read = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
                #expect(read?.code == .redirect(307))
            }
            #expect(elsewhere.requestCounts.isEmpty, "the other origin received \(elsewhere.requestCounts)")
        }
    }

    @Test func aBodyCutOffHalfWayIsAnError() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(cutOffRate: 1))) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error.map { [.transport, .decoding].contains($0.code) } == true, "\(String(describing: error))")
        }
    }

    @Test func theDeadlineCoversTheWholeBody() async throws {
        try await withSimulator(testWorld(faults: FaultPlan(trickle: .seconds(30))), client: { $0.requestTimeout = .milliseconds(500) }) {
            _, client in
            let started = ContinuousClock.now
            let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
            #expect(error?.code == .timeout)
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func createHoldingToItsOwnTableRefusesReadably() async throws {
        var world = testWorld()
        world.orderReading = .createTable
        try await withSimulator(world) { _, client in
            let ips = try await client.allStaticIPs(filter: StaticIPFilter(productType: .staticDatacenterIP))
            let renewal = try #require(try await client.products(type: 19, parentType: .staticDatacenterIP).first(where: \.isPurchasable))
            let request = OrderRequest(
                productID: renewal.id, paymentMethodID: 1, renewIDs: Array(ips.compactMap(\.id).prefix(1)),
                renewDuration: .twoMonths)
            _ = try await client.checkOrder(request)  // check's table: 1m/2m/em
            let error = await #expect(throws: ProxyLiteError.self) { try await client.createOrder(request) }
            #expect(error?.code == .badParameters)
            #expect(error?.detail.contains("renew_duration") == true)
        }
    }
}
