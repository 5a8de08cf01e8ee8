import ArgumentParser
import Foundation
import Monitor
import ProxyLiteAPI
import ProxyLiteSimulator
import TerminalUI

/// `benchmark fuzz-keys`: the keystroke fuzz at full length, on data the simulator's world
/// serves (fetched once through the real client and store), and how fast it went.
struct FuzzKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz-keys",
        abstract: "Random keys, pastes, resizes and snapshots through the dashboard's state machine and renderer, with invariants.",
        discussion: """
            After every step: no crash, every frame fits its grid, and no change is sent without a confirmation of exactly \
            that change on screen, answered by a later key at least 250 ms after it appeared. A failure prints its seed \
            and step; run again with --seed to replay it.
            """)

    @Option(help: "Keys to send.") var keys = 1_000_000
    @Option(help: "Seed (default: random, printed).") var seed: UInt64?
    @Option(help: "Accounts in the simulated world.") var accounts = 200

    func run() async throws {
        let seed = self.seed ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("proxylite-top benchmark fuzz-keys · seed \(seed) · \(keys) keys")
        fflush(nil)
        let world = try await Self.world(accounts: accounts)
        var fuzz = KeyFuzz(world: world, seed: seed)
        let start = ContinuousClock.now
        do {
            let report = try fuzz.run(keys: keys) { partial in
                print("  … \(partial.keys) keys, \(partial.frames) frames, \(partial.writesSent) writes checked")
                fflush(nil)
            }
            let elapsed = start.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(report)
            print(
                String(
                    format: "%.0f keys/s, %.0f frames/s over %.1f s", Double(report.keys) / seconds, Double(report.frames) / seconds,
                    seconds))
        } catch let failure as KeyFuzz.Failure {
            throw CLIError(exitCode: 1, message: "\(failure)\nreplay: proxylite-top benchmark fuzz-keys --seed \(seed) --keys \(keys)")
        }
    }

    /// Snapshots of a simulated account as the store builds them (everything, read-only, nothing
    /// yet, offline), and a renewal price, all through the real client.
    static func world(accounts: Int) async throws -> KeyFuzz.World {
        let configuration = SimulatorConfiguration(seed: 21, accounts: accounts, staticIPs: 40, orders: 30, packages: 8)
        let simulator = try await Simulator.start(configuration)
        let client = ProxyLiteClient(
            configuration: .init(profile: simulator.profile, appKey: simulator.appKey, requestsPerSecond: 1000, burst: 1000))
        let store = Store(source: "simulator", readOnly: false) { _ in }
        let now = Date()
        do {
            await store.apply(.accounts(try await client.accounts()), at: now)
            await store.apply(.summary(try await client.packageSummary()), at: now)
            await store.apply(
                .flow(whole: try await client.dailyFlow(client.flowRange(lastDays: Snapshot.flowDays)), account: nil), at: now)
            await store.apply(.staticIPs(try await client.allStaticIPs()), at: now)
            await store.apply(.orders(try await client.allOrders()), at: now)
            await store.apply(.packages(try await client.allPackages()), at: now)
            await store.apply(.whitelist(try await client.whitelistIPs()), at: now)
            let catalogue = await CatalogueData.fetch(client)
            await store.apply(.catalogue(catalogue), at: now)
            let full = await store.current
            var quote: OrderCheckResult?
            if let ip = full.staticIPs.value?.first(where: { $0.id != nil && $0.productType != nil }), let id = ip.id,
                let type = ip.productType, let product = catalogue.renewalProduct(for: type), let method = catalogue.usableMethods.first
            {
                quote = try? await client.checkOrder(
                    OrderRequest(productID: product.id, paymentMethodID: method.id, renewIDs: [id], renewDuration: .oneMonth))
            }
            var readOnly = full
            readOnly.readOnly = true
            await store.apply(
                .failed(.accounts, ProxyLiteError(.connectionRefused, endpoint: "whitelist-account/list", message: "refused")), at: now)
            let stale = await store.current
            await simulator.stop()
            return KeyFuzz.World(snapshots: [full, full, stale, readOnly, Snapshot(source: "simulator")], quote: quote)
        } catch {
            await simulator.stop()
            throw error
        }
    }
}
