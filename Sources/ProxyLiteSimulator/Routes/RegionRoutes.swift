import Foundation
import ProxyLiteAPI

/// ip/dcl4, ip/dsl4, ip/dal4 and the dynamic region catalogues.
enum RegionRoutes {
    static let routes: [Route] = [
        Route(endpoint: .citiesV4, style: .legacy) { world, request, context throws(SimulatorError) in
            _ = try ownedUsername(world, request)
            return .json(v4(HostileRows.apply(rows(cities: true), .regionsV4, plan: context.configuration.faults)))
        },
        Route(endpoint: .statesV4, style: .legacy) { world, request, context throws(SimulatorError) in
            _ = try ownedUsername(world, request)
            return .json(v4(HostileRows.apply(rows(cities: false), .regionsV4, plan: context.configuration.faults)))
        },
        Route(endpoint: .areasV4, style: .legacy) { world, request, _ throws(SimulatorError) in
            _ = try ownedUsername(world, request)
            let list = Catalogue.countries.map { country -> JSONValue in
                .object([
                    ("Area", .string(country.code)),
                    (
                        "states",
                        .array(
                            country.states.map {
                                .object([("State", .string($0.state)), ("cities", .array($0.cities.map(JSONValue.string)))])
                            })
                    ),
                ])
            }
            return .json(v4(list))
        },
        Route(endpoint: .dynamicCities, style: .legacy) { _, _, context throws(SimulatorError) in
            let list = Catalogue.countries.map { country(country: $0, cities: true) }
            return .json(.object([("list", .array(HostileRows.apply(list, .countries, plan: context.configuration.faults)))]))
        },
        Route(endpoint: .dynamicStates, style: .legacy) { _, _, context throws(SimulatorError) in
            let list = Catalogue.countries.map { country(country: $0, cities: false) }
            return .json(.object([("list", .array(HostileRows.apply(list, .countries, plan: context.configuration.faults)))]))
        },
        Route(endpoint: .dynamicCitiesSearch, style: .legacy) { _, request, _ throws(SimulatorError) in
            let country = try knownCountry(request)
            guard let stateName = request.text("state"), !stateName.isEmpty else {
                throw .badParameters(["state": ["state 不能为空"]])
            }
            let cities = country.states.first { $0.state.caseInsensitiveCompare(stateName) == .orderedSame }?.cities ?? []
            return .json(.object([("list", .array(cities.map(JSONValue.string)))]))
        },
        Route(endpoint: .dynamicStatesSearch, style: .legacy) { _, request, _ throws(SimulatorError) in
            let country = try knownCountry(request)
            return .json(.object([("list", .array(country.states.map { .string($0.state) }))]))
        },
    ]

    private static func v4(_ list: [JSONValue]) -> JSONValue {
        .object([("cache", true), ("list", .array(list))])
    }

    private static func rows(cities: Bool) -> [JSONValue] {
        Catalogue.countries.flatMap { country in
            country.states.flatMap { state in
                (cities ? state.cities : [""]).map { city in
                    JSONValue.object([("City", .string(city)), ("Area", .string(country.code)), ("State", .string(state.state))])
                }
            }
        }
    }

    private static func country(country: Catalogue.Country, cities: Bool) -> JSONValue {
        let items: [JSONValue] = country.states.flatMap { state in
            (cities ? state.cities.map { Optional($0) } : [nil]).map { city -> JSONValue in
                var members: [(String, JSONValue)] = []
                if let city { members.append(("city", .string(city))) }
                members += [
                    ("state", .string(state.state)), ("continent_code", .string(country.continent)),
                    ("country_code", .string(country.code)),
                ]
                return .object(members)
            }
        }
        return .object([
            ("name_zh_cn", .string(country.zh)), ("name_en", .string(country.en)),
            ("continent_code", .string(country.continent)), ("country_code", .string(country.code)), ("items", .array(items)),
        ])
    }

    private static func ownedUsername(_ world: World, _ request: SimRequest) throws(SimulatorError) -> String {
        guard let name = request.text("username"), !name.isEmpty else {
            throw .badParameters(["username": ["username 不能为空"]])
        }
        guard world.accounts.contains(where: { $0.username == name }) else {
            throw .badParameters(["username": ["代理账户不存在或不属于当前用户"]])
        }
        return name
    }

    private static func knownCountry(_ request: SimRequest) throws(SimulatorError) -> Catalogue.Country {
        guard let code = request.text("country_code"), !code.isEmpty else {
            throw .badParameters(["country_code": ["country_code 不能为空"]])
        }
        guard let country = Catalogue.country(code) else {
            throw .badParameters(["country_code": ["不支持的国家或地区: \(code)"]])
        }
        return country
    }
}
