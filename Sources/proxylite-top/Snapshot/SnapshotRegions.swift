import ProxyLiteAPI

/// The regions pane: the catalogues, plus what `--username` and `--country`/`--state` ask for.
/// Each part is nil when it was not asked for or failed (the failure is in `SnapshotData.errors`).
struct SnapshotRegions {
    var dynamicStates: [CountryRegions]?
    var dynamicCities: [CountryRegions]?
    var staticIPStock: [RegionStock]?
    var hostPool: [RegionStock]?
    var account: Account?
    var search: Search?

    /// ip/dcl4, ip/dsl4 and ip/dal4 for one proxy account.
    struct Account {
        var username: String
        var cities: RegionListV4<RegionV4>?
        var states: RegionListV4<RegionV4>?
        var areas: RegionListV4<AreaV4>?
    }

    /// ip/dynamic-states/search, and ip/dynamic-citys/search when a state was given.
    struct Search {
        var countryCode: String
        var state: String?
        var states: [String]?
        var cities: [String]?
    }
}

/// The `--username`, `--country` and `--state` options of the regions pane.
struct RegionQuery: Sendable {
    var username: String?
    var countryCode: String?
    var state: String?
}

/// A pane (or part of one) that could not be fetched.
struct SnapshotFailure {
    let pane: SnapshotPane
    let error: ProxyLiteError
}
