import Foundation
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import ProxyLiteAPI

/// The whitelist, products, region lists and the order preview read field by field over real
/// HTTP: the simulator spoils one value in one named row, the list keeps every row, that value
/// is unreadable and the row's others are read.
@Suite struct HostileListsTests {
    func world(_ targets: [HostileRows.Target]) -> SimulatorConfiguration {
        var faults = FaultPlan()
        faults.hostileValues = targets
        return testWorld(faults: faults)
    }

    @Test func whitelistKeepsEveryRowAndNamesTheValueItCouldNotRead() async throws {
        let plain = try await withSimulator(testWorld()) { _, client in try await client.whitelistIPs() }
        let targets: [HostileRows.Target] = [
            .init(.whitelist, index: 1, .nanText), .init(.whitelist, index: 2, .missingIdentity),
            .init(.whitelist, index: 3, .objectForText),
        ]
        try await withSimulator(world(targets)) { _, client in
            let list = try await client.whitelistIPs()
            #expect(list.count == plain.count && plain.count == 4)
            #expect(list[0].unreadable.isEmpty && list[0].ip == plain[0].ip && list[0].hasIdentity)
            #expect(list[1].unreadable.names == ["product_type"] && list[1].hasIdentity)
            #expect(list[1].ip == plain[1].ip && list[1].remark == plain[1].remark && list[1].createdAt != nil)
            #expect(!list[2].hasIdentity && list[2].remark == plain[2].remark && list[2].productType == plain[2].productType)
            #expect(list[3].unreadable.names == ["remark"] && list[3].ip == plain[3].ip && list[3].hasIdentity)
        }
    }

    @Test func productsKeepEveryRowAndAPriceThatCannotBeReadIsNotAPrice() async throws {
        let plain = try await withSimulator(testWorld()) { _, client in try await client.products() }
        let targets: [HostileRows.Target] = [
            .init(.products, index: 0, .infinityText), .init(.products, index: 1, .objectForText),
            .init(.products, index: 2, .missingIdentity),
        ]
        try await withSimulator(world(targets)) { _, client in
            let products = try await client.products()
            #expect(products.count == plain.count && plain.count > 3)
            #expect(products[0].unreadable.names == ["local_price"] && products[0].preferredPriceIsUnreadable)
            #expect(products[0].id == plain[0].id && products[0].title == plain[0].title && products[0].priceUSD == plain[0].priceUSD)
            #expect(products[1].unreadable.names == ["title"] && !products[1].preferredPriceIsUnreadable && products[1].hasIdentity)
            #expect(products[1].preferredPrice?.amount == plain[1].preferredPrice?.amount)
            #expect(!products[2].hasIdentity && products[2].title == plain[2].title)
            #expect(products[3...].allSatisfy { $0.unreadable.isEmpty && $0.hasIdentity })
        }
    }

    @Test func aProductThatIsNotAnObjectCostsThatProductOnly() {
        let page = Fixtures.decode(
            ArrayPayload<Product>.self,
            #"[{"id":1,"title":"a","usd_price":"NaN","sku":{"duration_list":[{"id":11,"price":"lots"},5]}},7,{"id":3,"title":"c"}]"#)
        #expect(page.items.map(\.id) == [1, 0, 3])
        #expect(page.items[0].unreadable.names == ["usd_price", "sku.duration_list.price", "sku.duration_list.row"])
        #expect(page.items[0].durationSKUs.count == 2 && page.items[0].preferredPriceIsUnreadable)
        #expect(page.items[1].unreadable.names == ["row"] && !page.items[1].hasIdentity)
        #expect(page.items[2].unreadable.isEmpty)
    }

    @Test func regionListsKeepEveryRow() async throws {
        let username = try await withSimulator(testWorld()) { _, client in try await client.accounts()[0].username }
        let (plainStock, plainCountries, plainCities) = try await withSimulator(testWorld()) { _, client in
            (try await client.hostPoolRegions(), try await client.dynamicStates(), try await client.citiesV4(username: username))
        }
        let targets: [HostileRows.Target] = [
            .init(.regionStock, index: 1, .hugeNumber), .init(.regionStock, index: 2, .negative),
            .init(.countries, index: 0, .objectForText), .init(.regionsV4, index: 3, .objectForText),
            .init(.regionsV4, index: 4, .missingIdentity),
        ]
        try await withSimulator(world(targets)) { _, client in
            let stock = try await client.hostPoolRegions()
            #expect(stock.count == plainStock.count)
            #expect(stock[0].unreadable.isEmpty && stock[0].count == plainStock[0].count)
            #expect(stock[1].unreadable.names == ["number"] && stock[1].countIsUnreadable)
            #expect(stock[1].countryCode == plainStock[1].countryCode && stock[1].nameEnglish == plainStock[1].nameEnglish)
            #expect(stock[2].unreadable.names == ["number"] && stock[2].hasIdentity)
            let countries = try await client.dynamicStates()
            #expect(countries.count == plainCountries.count)
            #expect(countries[0].unreadable.names == ["name_en"] && countries[0].hasIdentity)
            #expect(countries[0].items.count == plainCountries[0].items.count)
            let cities = try await client.citiesV4(username: username)
            #expect(cities.list.count == plainCities.list.count)
            #expect(cities.list[3].unreadable.names == ["City"] && cities.list[3].state == plainCities.list[3].state)
            #expect(!cities.list[4].hasIdentity && cities.list[4].city == plainCities.list[4].city)
        }
    }

    @Test func orderPreviewNamesAnUnreadablePriceInsteadOfChargingZero() async throws {
        let targets: [HostileRows.Target] = [
            .init(.orderCheck, index: 0, .nanText), .init(.orderCheckIPs, index: 1, .textForNumber),
            .init(.orderCheckIPs, index: 2, .impossibleDate),
        ]
        try await withSimulator(world(targets)) { _, client in
            let ips = try await client.allStaticIPs(filter: StaticIPFilter(productType: .staticDatacenterIP))
            let ids = Array(ips.compactMap(\.id).prefix(3))
            try #require(ids.count == 3, "the world has three datacenter IPs")
            let renewal = try #require(try await client.products(type: 19, parentType: .staticDatacenterIP).first(where: \.isPurchasable))
            let preview = try await client.checkOrder(
                OrderRequest(productID: renewal.id, paymentMethodID: 1, renewIDs: ids, renewDuration: .oneMonth))
            #expect(preview.unreadable.names == ["pay_fee"] && !preview.isReadable("pay_fee") && !preview.payFeeMissing)
            #expect(preview.totalFee > 0 && preview.isReadable("total_fee") && preview.title == renewal.title)
            #expect(preview.ipPrices.count == 3)
            #expect(preview.ipPrices[0].unreadable.isEmpty && preview.ipPrices[0].price > 0)
            #expect(preview.ipPrices[1].unreadable.names == ["price"] && !preview.ipPrices[1].isReadable("price"))
            #expect(preview.ipPrices[1].renewedExpiry != nil && !preview.ipPrices[1].ip.isEmpty)
            #expect(preview.ipPrices[2].unreadable.names == ["renewal_time"] && preview.ipPrices[2].price > 0)
        }
    }
}
