import Foundation
import Monitor
import ProxyLiteAPI

/// The server-side queries on screen: for each of the four panes that offer one, the filtered
/// list the provider answered, shown in place of the polled list until cleared or the profile
/// changes. Only the pane's view reads it (`overlay`): the polled snapshot, and with it the
/// header, alerts, history and metrics, never sees the filtered rows.
public struct ServerQueries: Sendable {
    public struct Shown: Sendable {
        public var query: ServerQuery
        public var result: ServerQueryResult
        public var fetchedAt: Date
    }

    /// The panes with a server query (`F`).
    static let tabs: [Tab] = [.orders, .staticIPs, .packages, .flow]

    public private(set) var shown: [Tab: Shown] = [:]
    /// The last query asked of each pane, answered or not: the form opens with it.
    public private(set) var asked: [Tab: ServerQuery] = [:]
    /// The profile the queries were asked of.
    private(set) var profile: String?
    /// Changes on every change, so that cached lists know to recompute.
    private(set) var generation = 0

    public init() {}

    static func tab(of query: ServerQuery) -> Tab {
        switch query {
        case .orders: return .orders
        case .staticIPs: return .staticIPs
        case .packages: return .packages
        case .flow: return .flow
        }
    }

    mutating func ask(_ query: ServerQuery, profile: String) {
        forgetAll(unless: profile)
        self.profile = profile
        asked[Self.tab(of: query)] = query
    }

    /// The answer to `query` for `profile`; an answer to a query replaced since, or asked of
    /// another profile, is dropped.
    @discardableResult
    mutating func show(_ query: ServerQuery, _ result: ServerQueryResult, profile: String, at now: Date) -> Bool {
        let tab = Self.tab(of: query)
        guard profile == self.profile, asked[tab] == query else { return false }
        shown[tab] = Shown(query: query, result: result, fetchedAt: now)
        generation += 1
        return true
    }

    /// Clears `tab`'s query; true when there was one.
    @discardableResult
    mutating func clear(_ tab: Tab) -> Bool {
        asked[tab] = nil
        guard shown.removeValue(forKey: tab) != nil else { return false }
        generation += 1
        return true
    }

    /// Another profile is shown: its account never answered these queries.
    mutating func forgetAll(unless profile: String) {
        guard let current = self.profile, current != profile else { return }
        shown = [:]
        asked = [:]
        self.profile = nil
        generation += 1
    }

    /// `snapshot` as `tab`'s pane shows it: with its query's rows in place of the polled list.
    /// How the polled list is doing (its age, its last error) stays as it is.
    public func overlay(_ snapshot: Snapshot, tab: Tab) -> Snapshot {
        guard let current = shown[tab] else { return snapshot }
        var view = snapshot
        switch current.result {
        case .orders(let rows): view.orders.value = rows
        case .staticIPs(let rows): view.staticIPs.value = rows
        case .packages(let rows): view.packages.value = rows
        case .flow(let days): view.flow.value = days
        }
        return view
    }

    /// What the visible lists depend on: which answer `tab` shows.
    struct Key: Equatable {
        var generation: Int
        var overlaid: Tab?
    }

    func key(for tab: Tab) -> Key { Key(generation: generation, overlaid: shown[tab] == nil ? nil : tab) }

    /// Whether `tab` shows a server query's rows (its banner takes a line).
    public func isShown(_ tab: Tab) -> Bool { shown[tab] != nil }
}
