/// A city row of ip/dcl4 and ip/dsl4 (`City`, `Area`, `State`, capitalised as the API sends them).
public struct RegionV4: Sendable, Hashable, Decodable {
    public var city: String
    public var area: String
    public var state: String
    /// Fields that came but could not be read, by the name they came under; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    /// Whether the row names a country a request can be made for: it needs a readable area.
    public var hasIdentity: Bool { !area.isEmpty && !unreadable.contains("Area") && !unreadable.contains("area") }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        city = c.string("City") ?? c.string("city") ?? ""
        area = c.string("Area") ?? c.string("area") ?? ""
        state = c.string("State") ?? c.string("state") ?? ""
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        city = ""
        area = ""
        state = ""
        unreadable = UnreadableFields(["row"])
    }
}

extension RegionV4: PlaceholderRow {
    static func unreadableRow() -> RegionV4 { RegionV4(unreadableRow: ()) }
}

/// A country of ip/dal4 with its states and their cities.
public struct AreaV4: Sendable, Hashable, Decodable {
    public var area: String
    public var states: [State]
    /// Fields that came but could not be read; see `UnreadableFields`. A state's are its own.
    public var unreadable = UnreadableFields()

    /// Whether the country can be asked for: it needs a readable code.
    public var hasIdentity: Bool { !area.isEmpty && !unreadable.contains("Area") && !unreadable.contains("area") }

    public struct State: Sendable, Hashable, Decodable {
        public var state: String
        /// The cities that could be read (one that could not is left out and `cities` noted).
        public var cities: [String]
        /// Fields that came but could not be read; see `UnreadableFields`.
        public var unreadable = UnreadableFields()

        /// Whether the state can be asked for: it needs a readable name.
        public var hasIdentity: Bool { !state.isEmpty && !unreadable.contains("State") && !unreadable.contains("state") }

        /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
        public init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            state = c.string("State") ?? c.string("state") ?? ""
            cities = c.texts("cities")
            unreadable = c.unreadable
        }

        private init(unreadableRow: ()) {
            state = ""
            cities = []
            unreadable = UnreadableFields(["row"])
        }
    }

    /// Field by field; a state that cannot be read is kept as a placeholder.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        area = c.string("Area") ?? c.string("area") ?? ""
        states = c.read("states") { try $0.array("states", of: State.self) } ?? []
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        area = ""
        states = []
        unreadable = UnreadableFields(["row"])
    }
}

extension AreaV4: PlaceholderRow {
    static func unreadableRow() -> AreaV4 { AreaV4(unreadableRow: ()) }
}

extension AreaV4.State: PlaceholderRow {
    static func unreadableRow() -> AreaV4.State { AreaV4.State(unreadableRow: ()) }
}

/// The region lists of v4 carry whether they came from the provider's cache.
public struct RegionListV4<Item: Decodable & Sendable & Hashable>: Sendable, Hashable, APIPayload {
    public var cached: Bool
    public var list: [Item]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.wire()
        cached = (try? c.bool("cache")) ?? false
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
    /// Fields that came but could not be read; see `UnreadableFields`. An item's are its own.
    public var unreadable = UnreadableFields()

    /// Whether the country can be asked for: it needs a readable code.
    public var hasIdentity: Bool { !countryCode.isEmpty && !unreadable.contains("country_code") }

    public struct Item: Sendable, Hashable, Decodable {
        /// Nil in the states list.
        public var city: String?
        public var state: String
        public var continentCode: String
        public var countryCode: String
        /// Fields that came but could not be read; see `UnreadableFields`.
        public var unreadable = UnreadableFields()

        /// Whether the entry can be asked for: it needs a readable state (and city, when it has one).
        public var hasIdentity: Bool { !state.isEmpty && !unreadable.contains("state") && !unreadable.contains("city") }

        /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
        public init(from decoder: any Decoder) throws {
            var c = try TolerantFields(decoder)
            city = c.string("city")
            state = c.string("state") ?? ""
            continentCode = c.string("continent_code") ?? ""
            countryCode = c.string("country_code") ?? ""
            unreadable = c.unreadable
        }

        private init(unreadableRow: ()) {
            state = ""
            continentCode = ""
            countryCode = ""
            unreadable = UnreadableFields(["row"])
        }
    }

    /// Field by field; an item that cannot be read is kept as a placeholder.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        nameChinese = c.string("name_zh_cn") ?? ""
        nameEnglish = c.string("name_en") ?? ""
        continentCode = c.string("continent_code") ?? ""
        countryCode = c.string("country_code") ?? ""
        items = c.read("items") { try $0.array("items", of: Item.self) } ?? []
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        nameChinese = ""
        nameEnglish = ""
        continentCode = ""
        countryCode = ""
        items = []
        unreadable = UnreadableFields(["row"])
    }
}

extension CountryRegions: PlaceholderRow {
    static func unreadableRow() -> CountryRegions { CountryRegions(unreadableRow: ()) }
}

extension CountryRegions.Item: PlaceholderRow {
    static func unreadableRow() -> CountryRegions.Item { CountryRegions.Item(unreadableRow: ()) }
}

/// Stock of static IPs for sale in one country (ip/static-ip-region) or of the datacenter host
/// pool (host-pool/regions, which adds names and a flag).
public struct RegionStock: Sendable, Hashable, Decodable {
    public var countryCode: String
    /// 0 when it could not be read (a negative number cannot be either; see `unreadable`): shown
    /// as `?`, never as none in stock.
    public var count: Int
    public var nameChinese: String?
    public var nameEnglish: String?
    public var flagURL: String?
    /// Fields that came but could not be read; see `UnreadableFields`.
    public var unreadable = UnreadableFields()

    /// Whether the country can be named: it needs a readable code.
    public var hasIdentity: Bool {
        !countryCode.isEmpty && !unreadable.contains("code") && !unreadable.contains("country_code")
    }

    /// Whether `count` is not what the provider sent.
    public var countIsUnreadable: Bool { unreadable.contains("number") || unreadable.contains("row") }

    /// Field by field: a value that cannot be read is noted in `unreadable`, the rest still are.
    public init(from decoder: any Decoder) throws {
        var c = try TolerantFields(decoder)
        countryCode = c.string("code") ?? c.string("country_code") ?? ""
        count = c.count("number").map { Int(clamping: $0) } ?? 0
        nameChinese = c.string("name_zh_cn")
        nameEnglish = c.string("name_en")
        flagURL = c.string("square_flag")
        unreadable = c.unreadable
    }

    private init(unreadableRow: ()) {
        countryCode = ""
        count = 0
        unreadable = UnreadableFields(["row"])
    }
}

extension RegionStock: PlaceholderRow {
    static func unreadableRow() -> RegionStock { RegionStock(unreadableRow: ()) }
}
