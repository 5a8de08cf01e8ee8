/// A city row of ip/dcl4 and ip/dsl4 (`City`, `Area`, `State`, capitalised as the API sends them).
public struct RegionV4: Sendable, Hashable, Decodable {
    public var city: String
    public var area: String
    public var state: String

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        city = try c.string("City") ?? c.string("city") ?? ""
        area = try c.string("Area") ?? c.string("area") ?? ""
        state = try c.string("State") ?? c.string("state") ?? ""
    }
}

/// A country of ip/dal4 with its states and their cities.
public struct AreaV4: Sendable, Hashable, Decodable {
    public var area: String
    public var states: [State]

    public struct State: Sendable, Hashable, Decodable {
        public var state: String
        public var cities: [String]
        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            state = try c.string("State") ?? c.string("state") ?? ""
            cities = try c.array("cities")
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        area = try c.string("Area") ?? c.string("area") ?? ""
        states = try c.array("states")
    }
}

/// The region lists of v4 carry whether they came from the provider's cache.
public struct RegionListV4<Item: Decodable & Sendable & Hashable>: Sendable, Hashable, APIPayload {
    public var cached: Bool
    public var list: [Item]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        cached = try c.bool("cache") ?? false
        list = try c.array("list")
    }

    init(cached: Bool, list: [Item]) {
        self.cached = cached
        self.list = list
    }

    public static func empty() -> RegionListV4 { RegionListV4(cached: false, list: []) }
}

/// A country of ip/dynamic-citys or ip/dynamic-states with its entries.
public struct CountryRegions: Sendable, Hashable, Decodable {
    public var nameChinese: String
    public var nameEnglish: String
    public var continentCode: String
    public var countryCode: String
    public var items: [Item]

    public struct Item: Sendable, Hashable, Decodable {
        /// Nil in the states list.
        public var city: String?
        public var state: String
        public var continentCode: String
        public var countryCode: String
        public init(from decoder: any Decoder) throws {
            let c = try decoder.wire()
            city = try c.string("city")
            state = try c.string("state") ?? ""
            continentCode = try c.string("continent_code") ?? ""
            countryCode = try c.string("country_code") ?? ""
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        nameChinese = try c.string("name_zh_cn") ?? ""
        nameEnglish = try c.string("name_en") ?? ""
        continentCode = try c.string("continent_code") ?? ""
        countryCode = try c.string("country_code") ?? ""
        items = try c.array("items")
    }
}

/// Stock of static IPs for sale in one country (ip/static-ip-region) or of the datacenter host
/// pool (host-pool/regions, which adds names and a flag).
public struct RegionStock: Sendable, Hashable, Decodable {
    public var countryCode: String
    public var count: Int
    public var nameChinese: String?
    public var nameEnglish: String?
    public var flagURL: String?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        countryCode = try c.string("code") ?? c.string("country_code") ?? ""
        count = try c.int("number") ?? 0
        nameChinese = try c.string("name_zh_cn")
        nameEnglish = try c.string("name_en")
        flagURL = try c.string("square_flag")
    }
}
