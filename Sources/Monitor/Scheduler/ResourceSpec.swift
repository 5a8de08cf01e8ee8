import Foundation
import ProxyLiteAPI

/// One polled resource, described once: its name in the config, how often it is polled and how
/// often it may be, whether it waits for a pane, how it is fetched and where it lands in the
/// snapshot. The scheduler, the store, the header's health line, the config and `snapshot`
/// iterate this list; a new resource is one entry here (and its case in `Resource`).
public struct ResourceSpec: Sendable {
    public let resource: Resource
    public let interval: Duration
    /// The shortest interval a user may configure.
    public let floor: Duration
    /// Polled only once a pane that shows it has been opened.
    public let onDemand: Bool
    /// One poll: the account whose traffic is followed goes with the flow resource.
    let fetch: @Sendable (ProxyLiteClient, _ flowAccount: String?) async throws -> Store.Outcome
    /// Its state in the snapshot, whatever the value type.
    let landing: Landing

    public var configKey: String { resource.rawValue }

    public static let all: [ResourceSpec] = [
        ResourceSpec(.accounts, every: 30, floor: 10, at: \.accounts) { client, _ in .accounts(try await client.accounts()) },
        ResourceSpec(.summary, every: 60, floor: 30, at: \.summary) { client, _ in .summary(try await client.packageSummary()) },
        ResourceSpec(.flow, every: 300, floor: 60, at: \.flow) { client, flowAccount in
            let range = client.flowRange(lastDays: Snapshot.flowDays)
            let whole = try await client.dailyFlow(range)
            var account: AccountFlow?
            if let flowAccount {
                account = AccountFlow(username: flowAccount, days: try await client.dailyFlow(range, username: flowAccount))
            }
            return .flow(whole: whole, account: account)
        },
        ResourceSpec(.staticIPs, every: 300, floor: 60, at: \.staticIPs) { client, _ in .staticIPs(try await client.allStaticIPs()) },
        ResourceSpec(.orders, every: 120, floor: 30, at: \.orders) { client, _ in .orders(try await client.allOrders()) },
        ResourceSpec(.packages, every: 600, floor: 60, onDemand: true, at: \.packages) { client, _ in
            .packages(try await client.allPackages())
        },
        ResourceSpec(.whitelist, every: 300, floor: 60, onDemand: true, at: \.whitelist) { client, _ in
            .whitelist(try await client.whitelistIPs())
        },
        ResourceSpec(.catalogue, every: 3600, floor: 600, onDemand: true, at: \.catalogue) { client, _ in
            let data = await CatalogueData.fetch(client)
            // Only when every part failed is there nothing to show; otherwise the pane names the failed part.
            if data.failures.count == 3, let first = data.failures.first { return .failed(.catalogue, first) }
            return .catalogue(data)
        },
        ResourceSpec(.regions, every: 3600, floor: 600, onDemand: true, at: \.regions) { client, _ in
            .regions(
                RegionData(
                    countries: try await client.dynamicStates(), hostPool: try await client.hostPoolRegions(),
                    staticStock: try await client.staticIPStock()))
        },
    ]

    public static func spec(_ resource: Resource) -> ResourceSpec {
        all.first { $0.resource == resource }!  // every resource has an entry: ResourceSpecTests
    }

    /// Polls `resource` once; a failure is an outcome, never a throw.
    public static func poll(_ resource: Resource, client: ProxyLiteClient, flowAccount: String?) async -> Store.Outcome {
        do {
            return try await spec(resource).fetch(client, flowAccount)
        } catch let error as ProxyLiteError {
            return .failed(resource, error)
        } catch {
            return .failed(resource, ProxyLiteError(.transport, endpoint: resource.rawValue, message: "\(type(of: error))"))
        }
    }

    /// Reads and marks a resource's state in the snapshot without knowing its value type.
    struct Landing: Sendable {
        let health: @Sendable (Snapshot) -> ResourceHealth
        let fail: @Sendable (inout Snapshot, ProxyLiteError, Date, Date?) -> Void
        let stop: @Sendable (inout Snapshot, Bool) -> Void
    }

    private init<Value: Sendable>(
        _ resource: Resource, every seconds: Int64, floor: Int64, onDemand: Bool = false,
        at state: any WritableKeyPath<Snapshot, ResourceState<Value>> & Sendable,
        fetch: @escaping @Sendable (ProxyLiteClient, String?) async throws -> Store.Outcome
    ) {
        self.resource = resource
        interval = .seconds(seconds)
        self.floor = .seconds(floor)
        self.onDemand = onDemand
        self.fetch = fetch
        landing = Landing(
            health: { $0[keyPath: state].health },
            fail: { snapshot, error, now, next in
                snapshot[keyPath: state].fail(error, at: now)
                snapshot[keyPath: state].nextAttempt = next
            },
            stop: { snapshot, stopped in snapshot[keyPath: state].stopped = stopped })
    }
}
