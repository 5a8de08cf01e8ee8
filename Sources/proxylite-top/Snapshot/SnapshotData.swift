import Foundation
import Monitor
import ProxyLiteAPI

/// Everything one `snapshot` run fetched; nil for panes that were not asked for or failed.
struct SnapshotData {
    var fetchedAt: Date
    var source: String
    var accounts: [SubAccount]?
    var summary: PackageSummary?
    var flow: [DailyFlow]?
    var staticIPs: [StaticIP]?
    var orders: [Order]?
    var packages: [PurchasedPackage]?
    var whitelist: [WhitelistIP]?
    var catalogue: CatalogueData?
    var regions: SnapshotRegions?
    /// The server-side filters the pane's list was asked with (`snapshot --status …`), if any.
    var query: ServerQuery?
    /// What failed, pane by pane; the rest is still printed.
    var errors: [SnapshotFailure] = []

    /// Days of account-wide traffic the flow pane shows.
    static let flowDays = 30

    init(fetchedAt: Date, source: String) {
        self.fetchedAt = fetchedAt
        self.source = source
    }

    /// Fetches the panes in `panes`, every page of the paginated ones. A failure is recorded
    /// against its pane and the next pane is fetched all the same.
    static func fetch(
        _ panes: [SnapshotPane], client: ProxyLiteClient, source: String, regionQuery: RegionQuery = RegionQuery(),
        query: ServerQuery? = nil
    ) async -> SnapshotData {
        let now = Date()
        var data = SnapshotData(fetchedAt: now, source: source)
        data.query = query
        for pane in panes {
            // The resources the dashboard polls are fetched as it fetches them (`ResourceSpec`).
            // A failure is recorded against the pane, so `errors` names it.
            func poll(_ resource: Resource) async -> Store.Outcome? {
                let outcome = await ResourceSpec.poll(resource, client: client, flowAccount: nil)
                if case .failed(_, let error) = outcome {
                    data.errors.append(SnapshotFailure(pane: pane, error: error))
                    return nil
                }
                return outcome
            }
            // A filtered list is asked as the dashboard's server query asks it, every page.
            if let query, query.pane == pane.rawValue, let result = await data.attempt(pane, { try await query.run(client) }) {
                data.take(result)
                if pane == .packages, case .summary(let value)? = await poll(.summary) { data.summary = value }
                continue
            } else if let query, query.pane == pane.rawValue {
                continue
            }
            switch pane {
            case .accounts: if case .accounts(let value)? = await poll(.accounts) { data.accounts = value }
            case .flow:
                data.flow = await data.attempt(pane) {
                    try await client.dailyFlow(client.flowRange(lastDays: flowDays, endingAt: now))
                }
            case .staticIPs: if case .staticIPs(let value)? = await poll(.staticIPs) { data.staticIPs = value }
            case .orders: if case .orders(let value)? = await poll(.orders) { data.orders = value }
            case .packages:
                if case .packages(let value)? = await poll(.packages) { data.packages = value }
                if case .summary(let value)? = await poll(.summary) { data.summary = value }
            case .whitelist: if case .whitelist(let value)? = await poll(.whitelist) { data.whitelist = value }
            case .products:
                // Not through the resource's poll, which reports only the first failure when all
                // three parts fail: here each part that failed is named.
                let catalogue = await CatalogueData.fetch(client)
                data.errors += catalogue.failures.map { SnapshotFailure(pane: pane, error: $0) }
                data.catalogue = catalogue
            case .regions: data.regions = await data.fetchRegions(client, regionQuery)
            case .all: break
            }
        }
        return data
    }

    /// Runs `fetch`; on failure records it against `pane` and returns nil.
    mutating func attempt<Value>(_ pane: SnapshotPane, _ fetch: () async throws -> Value) async -> Value? {
        do {
            return try await fetch()
        } catch let error as ProxyLiteError {
            errors.append(SnapshotFailure(pane: pane, error: error))
        } catch {
            errors.append(
                SnapshotFailure(pane: pane, error: ProxyLiteError(.transport, endpoint: pane.rawValue, message: "\(type(of: error))")))
        }
        return nil
    }

    /// The catalogues always; dcl4/dsl4/dal4 for `--username`; the searches for `--country`.
    private mutating func fetchRegions(_ client: ProxyLiteClient, _ query: RegionQuery) async -> SnapshotRegions {
        var regions = SnapshotRegions()
        regions.dynamicStates = await attempt(.regions) { try await client.dynamicStates() }
        regions.dynamicCities = await attempt(.regions) { try await client.dynamicCities() }
        regions.staticIPStock = await attempt(.regions) { try await client.staticIPStock() }
        regions.hostPool = await attempt(.regions) { try await client.hostPoolRegions() }
        if let username = query.username {
            var account = SnapshotRegions.Account(username: username)
            account.cities = await attempt(.regions) { try await client.citiesV4(username: username) }
            account.states = await attempt(.regions) { try await client.statesV4(username: username) }
            account.areas = await attempt(.regions) { try await client.areasV4(username: username) }
            regions.account = account
        }
        if let country = query.countryCode {
            var search = SnapshotRegions.Search(countryCode: country, state: query.state)
            search.states = await attempt(.regions) { try await client.searchStates(countryCode: country) }
            if let state = query.state {
                search.cities = await attempt(.regions) { try await client.searchCities(countryCode: country, state: state) }
            }
            regions.search = search
        }
        return regions
    }

    /// Whether anything at all was fetched.
    var isEmpty: Bool {
        accounts == nil && summary == nil && flow == nil && staticIPs == nil && orders == nil && packages == nil
            && whitelist == nil && (catalogue.map { $0.failures.count == 3 } ?? true) && !(regions?.hasData ?? false)
    }

    /// The error to stop on before printing anything: a rejected key (nothing else will work),
    /// or any failure when nothing was fetched at all.
    var fatalError: ProxyLiteError? {
        if let rejected = errors.first(where: { $0.error.code == .invalidAppKey }) { return rejected.error }
        return isEmpty ? errors.first?.error : nil
    }
}

extension SnapshotRegions {
    var hasData: Bool {
        dynamicStates != nil || dynamicCities != nil || staticIPStock != nil || hostPool != nil
            || account.map { $0.cities != nil || $0.states != nil || $0.areas != nil } == true
            || search.map { $0.states != nil || $0.cities != nil } == true
    }
}

extension SubAccount {
    /// Share of the cap used, in percent; nil when unlimited.
    var usagePercent: Double? {
        guard let limit = limitBytes, limit > 0 else { return nil }
        return Double(usageBytes) / Double(limit) * 100
    }
}

extension Date {
    /// Whole days from `now` until this date, negative when past.
    func daysLeft(from now: Date) -> Int { Int(clamping: (timeIntervalSince(now) / 86_400).rounded(.down)) }
}

extension SnapshotData {
    /// A server query's rows, where the pane's polled list would go.
    mutating func take(_ result: ServerQueryResult) {
        switch result {
        case .orders(let rows): orders = rows
        case .staticIPs(let rows): staticIPs = rows
        case .packages(let rows): packages = rows
        case .flow(let days): flow = days
        }
    }
}
