import ProxyLiteAPI

/// One endpoint of the simulated API.
struct Route: Sendable {
    /// Account, flow, IP, package and region endpoints answer `code: 200` with `msg`; order,
    /// product, payment and marketing endpoints answer `code: 0` with `message`.
    enum Style: Sendable { case legacy, modern }

    let endpoint: Endpoint
    let style: Style
    let handler: @Sendable (inout World, SimRequest, RouteContext) throws(SimulatorError) -> Answer

    enum Answer: Sendable {
        case json(JSONValue)
        /// No data: `null` by the reference, `[]` from a PHP back end in practice.
        case none
        case text(String)
    }

    /// The routes of every group, keyed by path.
    static let all: [String: Route] = {
        var table: [String: Route] = [:]
        for route in AccountRoutes.routes + OrderRoutes.routes + WhitelistRoutes.routes + FlowRoutes.routes
            + PackageRoutes.routes + ExtractionRoutes.routes + RegionRoutes.routes + StaticIPRoutes.routes
            + CatalogueRoutes.routes
        {
            precondition(table[route.endpoint.path] == nil, "route \(route.endpoint.path) defined twice")
            table[route.endpoint.path] = route
        }
        return table
    }()
}
