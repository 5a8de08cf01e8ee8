import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import Synchronization
import TestSupport
import Testing

/// Every command against the simulator over HTTP: the request sent, the pending state, the change
/// visible after the simulated apply delay, the provider's refusal, and read-only mode.
@Suite struct CommandRunnerTests {
    func poll(_ client: ProxyLiteClient, into store: Store) async throws {
        await store.apply(.accounts(try await client.accounts()), at: Date())
    }

    func account(_ name: String, _ client: ProxyLiteClient) async throws -> SubAccount? {
        try await client.accounts().first { $0.username == name }
    }

    /// A runner whose re-polls are recorded.
    final class Repolls: Sendable {
        let seen = Mutex<[Resource]>([])
        var all: [Resource] { seen.withLock { $0 } }
    }

    func runner(_ client: ProxyLiteClient, _ store: Store, readOnly: Bool = false, repolls: Repolls = Repolls()) -> CommandRunner {
        CommandRunner(client: client, store: store, readOnly: readOnly) { resource in repolls.seen.withLock { $0.append(resource) } }
    }

    func accepted(_ outcome: Reply.Outcome) -> Bool {
        if case .done = outcome { return true }
        return false
    }

    func refusal(_ outcome: Reply.Outcome) -> ProxyLiteError? {
        if case .rejected(let error) = outcome { return error }
        return nil
    }

    @Test func disableIsPendingUntilThePollShowsIt() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(300))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            try await poll(client, into: store)
            let target = try #require(await store.current.accounts.value?.first { $0.account.isEnabled }?.account.username)
            let repolls = Repolls()
            let outcome = await runner(client, store, repolls: repolls).run(.disable([target]), id: 1)
            #expect(accepted(outcome))
            #expect(simulator.requestCounts["whitelist-account/disable"] == 1)
            #expect(repolls.all == [.accounts])
            #expect(await store.current.pending[target]?.count == 1)
            #expect(await store.current.replies.last?.id == 1)
            try await poll(client, into: store)
            #expect(await store.current.pending[target]?.count == 1)  // the provider has not applied it yet
            simulator.configuration.clock.advance(by: .seconds(301))
            try await poll(client, into: store)
            #expect(await store.current.pending[target] == nil)
            #expect(await store.current.accounts.value?.first { $0.account.username == target }?.account.isEnabled == false)
        }
    }

    @Test func enableShowsAtTheNextPoll() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let off = try #require(try await client.accounts().first { !$0.isEnabled }?.username)
            #expect(accepted(await runner(client, store).run(.enable([off]), id: 1)))
            #expect(await store.current.pending[off] != nil)
            try await poll(client, into: store)
            #expect(await store.current.pending[off] == nil)
            #expect(try await account(off, client)?.isEnabled == true)
        }
    }

    @Test func deleteIsPendingUntilTheAccountIsGone() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(60))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            #expect(accepted(await runner(client, store).run(.delete(["shop1"]), id: 1)))
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] != nil)
            simulator.configuration.clock.advance(by: .seconds(61))
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] == nil)
            #expect(await store.current.accounts.value?.contains { $0.account.username == "shop1" } == false)
        }
    }

    @Test func limitsOfSeveralAccountsChangeOneCallEach() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let names = Array(try await client.accounts().prefix(2).map(\.username))
            #expect(accepted(await runner(client, store).run(.changeLimit(names, gigabytes: 77), id: 1)))
            #expect(simulator.requestCounts["whitelist-account/change-limit"] == 2)
            #expect(await store.current.pending[names[0]] != nil)
            try await poll(client, into: store)
            #expect(await store.current.pending.isEmpty)
            for name in names { #expect(try await account(name, client)?.limitGB == 77) }
        }
    }

    @Test func passwordAndRemarkUseTheirOwnEndpoints() async throws {
        try await withSimulator(testWorld(applyDelay: .seconds(30))) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = runner(client, store)
            #expect(accepted(await runner.run(.changePassword("shop1", to: "newpass123"), id: 1)))
            #expect(accepted(await runner.run(.changeRemark("shop1", to: "客户B 专用"), id: 2)))
            #expect(simulator.requestCounts["whitelist-account/change-password"] == 1)
            #expect(simulator.requestCounts["whitelist-account/change-remark"] == 1)
            #expect(try await account("shop1", client)?.remark == "客户B 专用")
            simulator.configuration.clock.advance(by: .seconds(31))
            #expect(try await account("shop1", client)?.password.revealed == "newpass123")
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] == nil)
        }
    }

    @Test func severalFieldsGoInOneProxyAccountChange() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let change = AccountChange(remark: "batch", limitGB: 12, dailyLimitGB: 2)
            #expect(accepted(await runner(client, store).run(.change("shop1", change), id: 1)))
            #expect(simulator.requestCounts["proxy-account/change"] == 1)
            let after = try #require(try await account("shop1", client))
            #expect(after.remark == "batch")
            #expect(after.limitGB == 12)
            try await poll(client, into: store)
            #expect(await store.current.pending["shop1"] == nil)
        }
    }

    @Test func addedAccountsArePendingUntilListed() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let new = [NewAccount(username: "fresh1", password: "abc12345"), NewAccount(username: "fresh2", password: "xyz98765")]
            #expect(accepted(await runner(client, store).run(.addAccounts(new, remark: "新客户", productType: 9), id: 1)))
            #expect(simulator.requestCounts["whitelist-account/add"] == 1)
            #expect(await store.current.pending["fresh1"] != nil)
            try await poll(client, into: store)
            #expect(await store.current.pending["fresh1"] == nil)
            #expect(try await account("fresh2", client)?.remark == "新客户")
        }
    }

    @Test func aRejectedCommandChangesNothingAndSaysWhy() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let before = try await account("shop1", client)?.limitGB
            let outcome = await runner(client, store).run(.changeLimit(["shop1"], gigabytes: 500_000), id: 4)
            let error = try #require(refusal(outcome))
            #expect(error.code == .badParameters)
            #expect("\(error)".contains("limit"))
            #expect(!"\(error)".contains(testKey))
            #expect(await store.current.pending.isEmpty)
            #expect(try await account("shop1", client)?.limitGB == before)
            guard case .rejected = await store.current.replies.last?.outcome else {
                Issue.record("the refusal should reach the UI as a reply")
                return
            }
        }
    }

    @Test func whitelistAddAndRemoveWithVerification() async throws {
        var world = testWorld()
        world.whitelistDeleteNeedsVerification = true
        try await withSimulator(world) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let repolls = Repolls()
            let runner = runner(client, store, repolls: repolls)
            #expect(accepted(await runner.run(.addWhitelistIPs(["198.18.0.1", "2001:db8::42"], remark: "ci"), id: 1)))
            #expect(repolls.all == [.whitelist])
            #expect(try await client.whitelistIPs().contains { $0.ip == "2001:db8::42" })
            // Without the code the provider asks for it; nothing is removed.
            let first = try #require(refusal(await runner.run(.deleteWhitelistIPs(["198.18.0.1"], nil), id: 2)))
            #expect(first.fieldErrors["verify_type"] != nil)
            #expect(try await client.whitelistIPs().contains { $0.ip == "198.18.0.1" })
            let code = DeletionVerification(kind: .email, code: simulator.configuration.verificationCode)
            #expect(accepted(await runner.run(.deleteWhitelistIPs(["198.18.0.1"], code), id: 3)))
            #expect(try await !client.whitelistIPs().contains { $0.ip == "198.18.0.1" })
        }
    }

    @Test func previewCreatesNothingThenCreateMakesAnUnpaidOrderThatCanBeClosed() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = runner(client, store)
            let ip = try #require(try await client.allStaticIPs().first { $0.productType == 14 && $0.id != nil })
            let product = try #require(
                try await client.products().first { $0.type.code == 19 && $0.parentProductType == 14 && $0.isPurchasable })
            let method = try #require(try await client.paymentGroups().flatMap(\.methods).first { !$0.disabled })
            let request = OrderRequest(productID: product.id, paymentMethodID: method.id, renewIDs: [ip.id!], renewDuration: .twoMonths)
            let ordersBefore = try await client.allOrders().count
            guard case .done(.quote(let quote)) = await runner.run(.checkOrder(request), id: 1) else {
                Issue.record("expected a price")
                return
            }
            #expect(quote.ipPrices.map(\.ip) == [ip.ip])
            #expect(quote.totalFee > 0)
            #expect(try await client.allOrders().count == ordersBefore)
            guard case .done(.order(let order)) = await runner.run(.createOrder(request), id: 2) else {
                Issue.record("expected an order")
                return
            }
            #expect(order.status == .unpaid)
            #expect(try await client.allOrders().count == ordersBefore + 1)
            #expect(accepted(await runner.run(.closeOrder(tradeNo: order.tradeNo), id: 3)))
            #expect(try await client.allOrders().first { $0.tradeNo == order.tradeNo }?.status == .cancelled)
            // Closing it again is refused: it is no longer unpaid.
            #expect(refusal(await runner.run(.closeOrder(tradeNo: order.tradeNo), id: 4)) != nil)
            #expect(simulator.requestCounts["order/close"] == 2)
        }
    }

    @Test func readOnlySendsNoWriteAtAll() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            let store = Store(source: "t", readOnly: true) { _ in }
            let runner = runner(client, store, readOnly: true)
            let request = OrderRequest(productID: 119, paymentMethodID: 1, renewIDs: [1])
            let writes: [Command] = [
                .addAccounts([NewAccount(username: "x1", password: "abcdef12")], remark: "", productType: 9), .enable(["shop1"]),
                .disable(["shop1"]), .delete(["shop1"]), .changeLimit(["shop1"], gigabytes: 1), .changePassword("shop1", to: "abcdef12"),
                .changeRemark("shop1", to: "r"), .change("shop1", AccountChange(remark: "r")), .addWhitelistIPs(["198.18.0.9"], remark: ""),
                .deleteWhitelistIPs(["198.18.0.9"], nil), .closeOrder(tradeNo: "T"), .createOrder(request),
            ]
            for command in writes {
                #expect(command.isWrite)
                guard case .readOnly = await runner.run(command, id: 1) else {
                    Issue.record("\(command) was not blocked")
                    continue
                }
            }
            let writeEndpoints = Endpoint.all.filter { $0.method == .post && $0 != .orderCheck }.map(\.path)
            #expect(writeEndpoints.count == 12)
            for path in writeEndpoints { #expect(simulator.requestCounts[path] == nil, "\(path) was called") }
            #expect(await store.current.pending.isEmpty)
            // Reads still work in read-only mode.
            guard case .done(.endpoints(let endpoints)) = await runner.run(.extract(ExtractionRequest(countryCode: "US", count: 3)), id: 2)
            else {
                Issue.record("extraction should run in read-only mode")
                return
            }
            #expect(endpoints.count == 3)
        }
    }

    @Test func theInspectorShowsTheRawRecordWithSecretsMasked() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let real = try #require(try await account("shop1", client)).password.revealed
            guard case .done(.record(let record?)) = await runner(client, store).run(.inspect(.account(username: "shop1")), id: 1) else {
                Issue.record("expected the record")
                return
            }
            let text = String(decoding: record.prettySerialized(), as: UTF8.self)
            #expect(text.contains("\"username\": \"shop1\""))
            #expect(text.contains("usage_flow"))
            #expect(!text.contains(real))
            #expect(text.contains("••••••"))
            guard case .done(.record(nil)) = await runner(client, store).run(.inspect(.account(username: "nobody")), id: 2) else {
                Issue.record("a missing record should come back as nil")
                return
            }
        }
    }
}

extension CommandRunnerTests {
    @Test func extractionAsTextWithASeparator() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let request = ExtractionRequest(countryCode: "DE", count: 4, lifetimeMinutes: 10, network: .de)
            guard case .done(.endpoints(let endpoints)) = await runner(client, store).run(.extract(request, .text(separator: ";")), id: 1)
            else {
                Issue.record("expected endpoints")
                return
            }
            #expect(endpoints.count == 4)
            #expect(endpoints.allSatisfy { $0.hasPrefix("49.12.88.201:") })
            let refused = await runner(client, store).run(.extract(ExtractionRequest(count: 5000)), id: 2)
            #expect(refusal(refused)?.fieldErrors["num"] != nil)
        }
    }
}

extension CommandRunnerTests {
    @Test func commandsNeverPrintTheirPasswords() {
        let commands: [Command] = [
            .changePassword("shop1", to: "Sup3rSecret9"), .change("shop1", AccountChange(password: "Sup3rSecret9", remark: "x")),
            .addAccounts([NewAccount(username: "n1", password: "Sup3rSecret9")], remark: "", productType: 9),
        ]
        for command in commands {
            #expect(!"\(command)".contains("Sup3rSecret9"))
            #expect(!String(reflecting: command).contains("Sup3rSecret9"))
            #expect("\(command)".contains("shop1") || "\(command)".contains("n1"))
        }
        #expect(!String(reflecting: NewAccount(username: "n", password: "Sup3rSecret9")).contains("Sup3rSecret9"))
        #expect(!"\(AccountChange(password: "Sup3rSecret9"))".contains("Sup3rSecret9"))
    }
}

extension CommandRunnerTests {
    @Test func commandsRunInTheOrderConfirmed() async throws {
        try await withSimulator(testWorld()) { _, client in
            let store = Store(source: "t", readOnly: false) { _ in }
            let runner = runner(client, store)
            // Fired without waiting, as the UI does: the enable must not overtake the disable.
            async let first = runner.run(.disable(["shop1"]), id: 1)
            try await Task.sleep(for: .milliseconds(1))
            async let second = runner.run(.enable(["shop1"]), id: 2)
            _ = await (first, second)
            #expect(await store.current.replies.map(\.id) == [1, 2])
        }
    }
}
