import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

@Suite struct AccountsTests {
    @Test func listsEveryAccountWithTypedFields() async throws {
        try await withSimulator(testWorld(accounts: 30)) { _, client in
            let accounts = try await client.accounts()
            #expect(accounts.count == 30)
            #expect(Set(accounts.map(\.username)).count == 30)
            #expect(accounts.allSatisfy { $0.usageBytes >= 0 && $0.usageBytes % 1024 == 0 })
            #expect(accounts.contains { !$0.isEnabled })
            #expect(accounts.contains { $0.limitBytes == nil })
            #expect(accounts.allSatisfy { $0.createdAt != nil })
            let limited = try #require(accounts.first { $0.limitGB > 0 })
            #expect(limited.limitBytes == limited.limitGB * 1024 * 1024 * 1024)
            #expect(limited.usageBytes <= limited.limitBytes!)
        }
    }

    @Test(arguments: [true, false]) func quirkyAndPlainAnswersDecodeTheSame(quirks: Bool) async throws {
        let names = try await withSimulator(testWorld(quirks: quirks)) { _, client in
            try await client.accounts().map(\.username)
        }
        #expect(names.count == 30)
        #expect(names.first == "shop1")
    }

    @Test func usageGrowsWithTime() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let before = try await client.accounts()
            simulator.configuration.clock.advance(by: .seconds(600))
            let after = try await client.accounts()
            let grew = zip(before, after).filter { $0.usageBytes < $1.usageBytes }
            #expect(!grew.isEmpty)
            #expect(zip(before, after).allSatisfy { $0.usageBytes <= $1.usageBytes })
        }
    }

    @Test func addCreatesAccountsAtOnce() async throws {
        try await withSimulator(testWorld()) { _, client in
            try await client.addAccounts(
                [NewAccount(username: "new1", password: "pass1"), NewAccount(username: "new2", password: "pass2")],
                remark: "批量 batch", productType: .staticDatacenterIP)
            let added = try await client.accounts().filter { $0.username.hasPrefix("new") }
            #expect(added.map(\.username) == ["new1", "new2"])
            #expect(added.allSatisfy { $0.remark == "批量 batch" && $0.productType == .staticDatacenterIP })
        }
    }

    @Test func addRejectsSymbolsWithTheFieldNamed() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.addAccounts([NewAccount(username: "bad-name", password: "x")], productType: 9)
            }
            #expect(error?.code == .badParameters)
            #expect(error?.fieldErrors["accounts"]?.first?.contains("bad-name") == true)
        }
    }

    @Test func deleteAndDisableApplyAfterTheProviderDelay() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(300))) { simulator, client in
            let names = try await client.accounts().map(\.username)
            try await client.deleteAccounts([names[0]])
            let target = try #require(try await client.accounts().first { $0.isEnabled && $0.username != names[0] })
            try await client.disableAccounts([target.username])
            var now = try await client.accounts()
            #expect(now.contains { $0.username == names[0] })
            #expect(now.first { $0.username == target.username }?.isEnabled == true)
            #expect(simulator.pendingChanges == 2)

            simulator.configuration.clock.advance(by: .seconds(301))
            now = try await client.accounts()
            #expect(!now.contains { $0.username == names[0] })
            #expect(now.first { $0.username == target.username }?.isEnabled == false)

            try await client.enableAccounts([target.username])
            #expect(try await client.accounts().first { $0.username == target.username }?.isEnabled == true)
        }
    }

    @Test func unknownAccountsAreRejected() async throws {
        try await withSimulator(testWorld()) { _, client in
            let error = await #expect(throws: ProxyLiteError.self) { try await client.disableAccounts(["nosuch1"]) }
            #expect(error?.code == .badParameters)
            #expect(error?.description.contains("nosuch1") == true)
        }
    }

    @Test func passwordChangeWaitsAndRejectsSymbols() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(60))) { simulator, client in
            let account = try #require(try await client.accounts().first)
            try await client.changePassword(account: account.username, to: "NewPass99")
            #expect(try await client.accounts().first?.password.revealed == account.password.revealed)
            simulator.configuration.clock.advance(by: .seconds(61))
            #expect(try await client.accounts().first?.password.revealed == "NewPass99")
            await #expect(throws: ProxyLiteError.self) {
                try await client.changePassword(account: account.username, to: "no way!")
            }
        }
    }

    @Test func remarkLengthCountsChineseAsTwo() async throws {
        try await withSimulator(testWorld()) { _, client in
            let name = try #require(try await client.accounts().first?.username)
            let thirtyTwoCJK = String(repeating: "代", count: 32)
            try await client.changeRemark(account: name, to: thirtyTwoCJK)
            #expect(try await client.accounts().first?.remark == thirtyTwoCJK)
            try await client.changeRemark(account: name, to: String(repeating: "a", count: 64))
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.changeRemark(account: name, to: thirtyTwoCJK + "a")
            }
            #expect(error?.fieldErrors["remark"] != nil)
        }
    }

    @Test func limitMustBeWithinTheProviderRange() async throws {
        try await withSimulator(testWorld()) { _, client in
            let name = try #require(try await client.accounts().first?.username)
            try await client.changeLimit(account: name, gigabytes: 102_400)
            #expect(try await client.accounts().first?.limitGB == 102_400)
            try await client.changeLimit(account: name, gigabytes: 0)
            #expect(try await client.accounts().first?.limitBytes == nil)
            let error = await #expect(throws: ProxyLiteError.self) {
                try await client.changeLimit(account: name, gigabytes: 102_401)
            }
            #expect(error?.fieldErrors["limit"] != nil)
        }
    }

    @Test func proxyAccountChangeDoesSeveralThingsInOneCall() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(30))) { simulator, client in
            let accounts = try await client.accounts()
            let residential = try #require(accounts.first { $0.productType == .dynamicResidentialTraffic })
            try await client.changeAccount(
                residential.username, AccountChange(password: "abc123", remark: "变更", limitGB: 7, enabled: false))
            var changed = try #require(try await client.accounts().first { $0.username == residential.username })
            #expect(changed.remark == "变更" && changed.limitGB == 7)
            #expect(changed.isEnabled == residential.isEnabled)  // disabling waits for the delay
            simulator.configuration.clock.advance(by: .seconds(31))
            changed = try #require(try await client.accounts().first { $0.username == residential.username })
            #expect(!changed.isEnabled && changed.password.revealed == "abc123")

            let shortPassword = await #expect(throws: ProxyLiteError.self) {
                try await client.changeAccount(residential.username, AccountChange(password: "abc12"))
            }
            #expect(shortPassword?.fieldErrors["password"] != nil)
            let udp = await #expect(throws: ProxyLiteError.self) {
                try await client.changeAccount(residential.username, AccountChange(udp: true))
            }
            #expect(udp?.fieldErrors["udp"] != nil)
            if let datacenter = accounts.first(where: { ProductType.udpCapable.contains($0.productType) }) {
                try await client.changeAccount(datacenter.username, AccountChange(udp: true))
            }
        }
    }
}
