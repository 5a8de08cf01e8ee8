extension ProxyLiteClient {
    /// ip/dcl4: the cities available to one proxy account.
    public func citiesV4(username: String) async throws -> RegionListV4<RegionV4> {
        try await send(.citiesV4, query: ["username": username])
    }

    /// ip/dsl4: the states available to one proxy account.
    public func statesV4(username: String) async throws -> RegionListV4<RegionV4> {
        try await send(.statesV4, query: ["username": username])
    }

    /// ip/dal4: states and their cities, grouped by country, for one proxy account.
    public func areasV4(username: String) async throws -> RegionListV4<AreaV4> {
        try await send(.areasV4, query: ["username": username])
    }

    /// ip/dynamic-citys: every country with its cities.
    public func dynamicCities() async throws -> [CountryRegions] {
        try await send(.dynamicCities, as: ListPayload<CountryRegions>.self).list
    }

    /// ip/dynamic-citys/search: the cities of one state.
    public func searchCities(countryCode: String, state: String) async throws -> [String] {
        try await send(
            .dynamicCitiesSearch, query: ["country_code": countryCode, "state": state], as: ListPayload<String>.self
        ).list
    }

    /// ip/dynamic-states: every country with its states.
    public func dynamicStates() async throws -> [CountryRegions] {
        try await send(.dynamicStates, as: ListPayload<CountryRegions>.self).list
    }

    /// ip/dynamic-states/search: the states of one country.
    public func searchStates(countryCode: String) async throws -> [String] {
        try await send(.dynamicStatesSearch, query: ["country_code": countryCode], as: ListPayload<String>.self).list
    }
}
