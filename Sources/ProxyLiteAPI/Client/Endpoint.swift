/// One of the API's 33 endpoints: its path below the prefix, its method and how it authenticates.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    /// How the reference says the endpoint authenticates.
    public enum Auth: Sendable {
        /// `app_key` in the query (GET) or the JSON body (POST).
        case appKey
        /// Only `Authorization: Bearer …` is listed (orders, products, payment, some region lists).
        case bearer
    }

    public let path: String
    public let method: Method
    public let auth: Auth

    public var description: String { "\(method.rawValue) \(path)" }

    // MARK: - The 33 endpoints of the reference

    public static let accountList = Endpoint(path: "whitelist-account/list", method: .get, auth: .appKey)
    public static let accountAdd = Endpoint(path: "whitelist-account/add", method: .post, auth: .appKey)
    public static let accountDelete = Endpoint(path: "whitelist-account/delete", method: .post, auth: .appKey)
    public static let accountDisable = Endpoint(path: "whitelist-account/disable", method: .post, auth: .appKey)
    public static let accountEnable = Endpoint(path: "whitelist-account/enable", method: .post, auth: .appKey)
    public static let accountChangePassword = Endpoint(
        path: "whitelist-account/change-password", method: .post, auth: .appKey)
    public static let accountChangeRemark = Endpoint(path: "whitelist-account/change-remark", method: .post, auth: .appKey)
    public static let accountChangeLimit = Endpoint(path: "whitelist-account/change-limit", method: .post, auth: .appKey)
    public static let proxyAccountChange = Endpoint(path: "proxy-account/change", method: .post, auth: .appKey)

    public static let orderList = Endpoint(path: "order/list", method: .get, auth: .bearer)
    public static let orderCreate = Endpoint(path: "order/create", method: .post, auth: .bearer)
    public static let orderClose = Endpoint(path: "order/close", method: .post, auth: .bearer)
    public static let orderCheck = Endpoint(path: "order/check", method: .post, auth: .bearer)

    public static let whitelistIPList = Endpoint(path: "proxy-ip/list", method: .get, auth: .appKey)
    public static let whitelistIPAdd = Endpoint(path: "proxy-ip/add", method: .post, auth: .appKey)
    public static let whitelistIPDelete = Endpoint(path: "proxy-ip/delete", method: .post, auth: .appKey)

    public static let flowTotal = Endpoint(path: "user-usage-flow/total", method: .get, auth: .appKey)

    public static let packageList = Endpoint(path: "user-product/list", method: .get, auth: .appKey)
    public static let packageSummary = Endpoint(path: "user-product/summary", method: .get, auth: .appKey)

    public static let extract = Endpoint(path: "ip/v3", method: .get, auth: .appKey)

    public static let citiesV4 = Endpoint(path: "ip/dcl4", method: .get, auth: .bearer)
    public static let statesV4 = Endpoint(path: "ip/dsl4", method: .get, auth: .bearer)
    public static let areasV4 = Endpoint(path: "ip/dal4", method: .get, auth: .bearer)
    public static let dynamicCities = Endpoint(path: "ip/dynamic-citys", method: .get, auth: .bearer)
    public static let dynamicCitiesSearch = Endpoint(path: "ip/dynamic-citys/search", method: .get, auth: .bearer)
    public static let dynamicStates = Endpoint(path: "ip/dynamic-states", method: .get, auth: .bearer)
    public static let dynamicStatesSearch = Endpoint(path: "ip/dynamic-states/search", method: .get, auth: .bearer)

    public static let staticIPList = Endpoint(path: "ip/get-static-ip", method: .get, auth: .bearer)
    public static let staticIPRegions = Endpoint(path: "ip/static-ip-region", method: .get, auth: .bearer)
    public static let hostPoolRegions = Endpoint(path: "host-pool/regions", method: .get, auth: .bearer)

    public static let paymentGroups = Endpoint(path: "payment/groups", method: .get, auth: .bearer)
    public static let rechargeGiftRatio = Endpoint(
        path: "activity/balance-recharge-gift-ratio", method: .get, auth: .bearer)
    public static let products = Endpoint(path: "product", method: .get, auth: .bearer)

    /// Every endpoint of the reference, in its order.
    public static let all: [Endpoint] = [
        accountList, accountAdd, accountDelete, accountDisable, accountEnable, accountChangePassword,
        accountChangeRemark, accountChangeLimit, proxyAccountChange, orderList, orderCreate, orderClose, orderCheck,
        whitelistIPList, whitelistIPAdd, whitelistIPDelete, flowTotal, packageList, packageSummary, extract,
        citiesV4, statesV4, areasV4, dynamicCities, dynamicCitiesSearch, dynamicStates, dynamicStatesSearch,
        staticIPList, staticIPRegions, hostPoolRegions, paymentGroups, rechargeGiftRatio, products,
    ]
}
