/// One of the API's 33 endpoints: its path below the prefix, its method and the envelope code
/// that means success on it.
///
/// Every endpoint authenticates the same way: the reference declares one scheme for the whole
/// API, `app_key` "in: query, supports GET/POST", and lists it in POST bodies too. The
/// `Authorization: Bearer` line of its code samples is the generator's template, not a credential
/// (an earlier reading sent only that header to orders, products and static IPs, and a strict
/// server rejected them).
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    /// The `code` that means success, per the endpoint's group in the reference.
    public enum Success: Sendable, Hashable {
        /// Account, flow, IP whitelist, package, extraction and region endpoints: `code: 200`.
        case code200
        /// Order, product, payment and marketing endpoints: `code: 0`.
        case code0
        /// ip/get-static-ip, whose answer the reference does not document: either.
        case either

        public func accepts(_ code: Int) -> Bool {
            switch self {
            case .code200: return code == 200
            case .code0: return code == 0
            case .either: return code == 0 || code == 200
            }
        }
    }

    public let path: String
    public let method: Method
    public let success: Success

    public var description: String { "\(method.rawValue) \(path)" }

    // MARK: - The 33 endpoints of the reference

    public static let accountList = Endpoint(path: "whitelist-account/list", method: .get, success: .code200)
    public static let accountAdd = Endpoint(path: "whitelist-account/add", method: .post, success: .code200)
    public static let accountDelete = Endpoint(path: "whitelist-account/delete", method: .post, success: .code200)
    public static let accountDisable = Endpoint(path: "whitelist-account/disable", method: .post, success: .code200)
    public static let accountEnable = Endpoint(path: "whitelist-account/enable", method: .post, success: .code200)
    public static let accountChangePassword = Endpoint(
        path: "whitelist-account/change-password", method: .post, success: .code200)
    public static let accountChangeRemark = Endpoint(path: "whitelist-account/change-remark", method: .post, success: .code200)
    public static let accountChangeLimit = Endpoint(path: "whitelist-account/change-limit", method: .post, success: .code200)
    public static let proxyAccountChange = Endpoint(path: "proxy-account/change", method: .post, success: .code200)

    public static let orderList = Endpoint(path: "order/list", method: .get, success: .code0)
    public static let orderCreate = Endpoint(path: "order/create", method: .post, success: .code0)
    public static let orderClose = Endpoint(path: "order/close", method: .post, success: .code0)
    public static let orderCheck = Endpoint(path: "order/check", method: .post, success: .code0)

    public static let whitelistIPList = Endpoint(path: "proxy-ip/list", method: .get, success: .code200)
    public static let whitelistIPAdd = Endpoint(path: "proxy-ip/add", method: .post, success: .code200)
    public static let whitelistIPDelete = Endpoint(path: "proxy-ip/delete", method: .post, success: .code200)

    public static let flowTotal = Endpoint(path: "user-usage-flow/total", method: .get, success: .code200)

    public static let packageList = Endpoint(path: "user-product/list", method: .get, success: .code200)
    public static let packageSummary = Endpoint(path: "user-product/summary", method: .get, success: .code200)

    public static let extract = Endpoint(path: "ip/v3", method: .get, success: .code200)

    public static let citiesV4 = Endpoint(path: "ip/dcl4", method: .get, success: .code200)
    public static let statesV4 = Endpoint(path: "ip/dsl4", method: .get, success: .code200)
    public static let areasV4 = Endpoint(path: "ip/dal4", method: .get, success: .code200)
    public static let dynamicCities = Endpoint(path: "ip/dynamic-citys", method: .get, success: .code200)
    public static let dynamicCitiesSearch = Endpoint(path: "ip/dynamic-citys/search", method: .get, success: .code200)
    public static let dynamicStates = Endpoint(path: "ip/dynamic-states", method: .get, success: .code200)
    public static let dynamicStatesSearch = Endpoint(path: "ip/dynamic-states/search", method: .get, success: .code200)

    public static let staticIPList = Endpoint(path: "ip/get-static-ip", method: .get, success: .either)
    public static let staticIPRegions = Endpoint(path: "ip/static-ip-region", method: .get, success: .code200)
    public static let hostPoolRegions = Endpoint(path: "host-pool/regions", method: .get, success: .code200)

    public static let paymentGroups = Endpoint(path: "payment/groups", method: .get, success: .code0)
    public static let rechargeGiftRatio = Endpoint(
        path: "activity/balance-recharge-gift-ratio", method: .get, success: .code0)
    public static let products = Endpoint(path: "product", method: .get, success: .code0)

    /// Every endpoint of the reference, in its order.
    public static let all: [Endpoint] = [
        accountList, accountAdd, accountDelete, accountDisable, accountEnable, accountChangePassword,
        accountChangeRemark, accountChangeLimit, proxyAccountChange, orderList, orderCreate, orderClose, orderCheck,
        whitelistIPList, whitelistIPAdd, whitelistIPDelete, flowTotal, packageList, packageSummary, extract,
        citiesV4, statesV4, areasV4, dynamicCities, dynamicCitiesSearch, dynamicStates, dynamicStatesSearch,
        staticIPList, staticIPRegions, hostPoolRegions, paymentGroups, rechargeGiftRatio, products,
    ]
}
