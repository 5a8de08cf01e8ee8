import Foundation
import ProxyLiteAPI

/// How a simulated ProxyLite account looks and behaves.
public struct SimulatorConfiguration: Sendable {
    /// The seed of the world: the same seed gives the same accounts, IPs and orders.
    public var seed: UInt64
    public var accounts: Int
    public var staticIPs: Int
    public var orders: Int
    public var packages: Int
    public var whitelistIPs: Int
    /// The key the simulated account accepts, as `app_key` only (an `Authorization` header is ignored).
    public var appKey: String
    /// Where `app_key` is looked for.
    public var keyPlacement: KeyPlacement
    /// How order/create and order/check read the fields their tables disagree on.
    public var orderReading: OrderReading
    /// Path prefix the API is served under.
    public var pathPrefix: String
    /// How long deletes, disables and password changes take to apply (the provider's is ~5 minutes).
    public var applyDelay: Duration
    /// How long an unpaid order lives before it is cancelled (status 2).
    public var orderTimeout: Duration
    /// Sends the shapes a PHP back end sends in practice (numbers as strings, `[]` for empty data),
    /// which the reference allows but does not show.
    public var quirks: Bool
    /// proxy-ip/delete asks for verify_type and verify_code (the code is `verificationCode`).
    public var whitelistDeleteNeedsVerification: Bool
    public var verificationCode: String
    public var faults: FaultPlan
    /// Usage grows with time at each account's rate; false freezes it (for measuring an idle screen).
    public var usageGrowth = true
    /// An order paid from the account balance (method 1) is charged when it is created, and
    /// order/create answers it paid (status 1): the reference does not say, so both are tested.
    public var balanceChargesAtOnce = false
    /// Which accounts are made up: the demo's, or the benchmark's (`docs/benchmark-world.md`).
    public var world: WorldStyle = .catalogue
    /// The account has not passed real-name verification: account endpoints answer code 156.
    public var accountNotVerified = false
    /// Seconds east of UTC in which zone-less dates are written.
    public var providerOffset: Int
    /// The simulator's notion of now; tests move it forward.
    public var clock: SimulatorClock

    public init(
        seed: UInt64 = 42, accounts: Int = 40, staticIPs: Int = 60, orders: Int = 40, packages: Int = 12,
        whitelistIPs: Int = 4, appKey: String = SimulatorConfiguration.demoKey, keyPlacement: KeyPlacement = .reference,
        orderReading: OrderReading = .shared,
        pathPrefix: String = "/end-point", applyDelay: Duration = .seconds(300), orderTimeout: Duration = .seconds(1800),
        quirks: Bool = true, whitelistDeleteNeedsVerification: Bool = false, verificationCode: String = "246810",
        faults: FaultPlan = FaultPlan(), providerOffset: Int = 8 * 3600, clock: SimulatorClock = SimulatorClock()
    ) {
        self.seed = seed
        self.accounts = accounts
        self.staticIPs = staticIPs
        self.orders = orders
        self.packages = packages
        self.whitelistIPs = whitelistIPs
        self.appKey = appKey
        self.keyPlacement = keyPlacement
        self.orderReading = orderReading
        self.pathPrefix = pathPrefix
        self.applyDelay = applyDelay
        self.orderTimeout = orderTimeout
        self.quirks = quirks
        self.whitelistDeleteNeedsVerification = whitelistDeleteNeedsVerification
        self.verificationCode = verificationCode
        self.faults = faults
        self.providerOffset = providerOffset
        self.clock = clock
    }

    /// The demo account's key. It opens only the simulator, so it may be printed.
    public static let demoKey = "demo0000simulator0000key0000demo"
}

/// Where the simulated server reads `app_key`. The reference declares it "in: query, supports
/// GET/POST" and lists it in POST bodies too; real servers read one or the other, so a client must
/// work with each.
public enum KeyPlacement: String, Sendable, CaseIterable {
    /// The query on any method, or the JSON body of a POST.
    case reference
    /// Only the query string.
    case queryOnly = "query"
    /// Only the JSON body on POST (the query on GET, which has no body).
    case bodyOnly = "body"
}

/// order/check says its parameters are "exactly those of create", but the two tables disagree.
public enum OrderReading: String, Sendable, CaseIterable {
    /// Both take check's table where they disagree: `renew_duration` as `1m`/`2m`/`em`, `region_list`
    /// as `country,count[,ASN]|…`, `amount` and `recharge_amount` as numbers.
    case shared
    /// order/create holds to its own table: `renew_duration` is an integer (months).
    case createTable = "create-table"
}

/// Failures injected into the simulator's answers, so that reliability can be tested.
public struct FaultPlan: Sendable, Hashable {
    /// Added to every answer.
    public var latency: Duration
    /// Share of requests (0…1) answered HTTP 500 with an HTML body.
    public var errorRate: Double
    /// Share of requests answered with truncated, invalid JSON.
    public var malformedRate: Double
    /// Share of requests that never answer (until the client gives up).
    public var hangRate: Double
    /// A window of outage, counted from the simulator's start (and repeated, if it says so), in
    /// which every request gets HTTP 503.
    public var outage: Outage?
    /// Every request is answered HTTP 401 with a JSON body that has no `code` (as a gateway in
    /// front of the API does).
    public var codelessUnauthorized: Bool
    /// Every request is answered with a 307 to this origin, same path and query.
    public var redirectTo: String?
    /// Writes are applied, then answered only after this long (past the client's timeout, they
    /// look lost although they took effect).
    public var slowWrites: Duration
    /// Share of requests whose body stops half-way and whose connection is then closed.
    public var cutOffRate: Double
    /// Successful answers send half their body, then the rest after this long (or, with
    /// `trickleChunk`, pieces of that many bytes with this pause between each).
    public var trickle: Duration
    /// Share of successful answers (0…1) that trickle, when `trickle` is set.
    public var trickleRate: Double
    /// Bytes sent between two pauses of a trickled answer; 0 sends two halves.
    public var trickleChunk: Int
    /// Successful answers go out with this HTTP status instead of 200 (their body unchanged).
    public var successStatus: Int?
    /// Successful answers carry the other group's success code (0 where the reference says 200,
    /// and 200 where it says 0).
    public var swappedSuccessCodes: Bool
    /// Share of the rows of the list endpoints (accounts, flow, static IPs, orders, packages,
    /// whitelist, products, region lists, and order/check with its IP lines) served with one
    /// hostile value (see `HostileRows`); 0 serves them all as they are.
    public var hostileRows: Double = 0
    /// Which rows are hostile, and how: the same seed gives the same rows.
    public var hostileSeed: UInt64 = 1
    /// Hostile values served whatever `hostileRows` says: one mutation in one named row each.
    public var hostileValues: [HostileRows.Target] = []
    /// The account list carries a `null` where its second row belongs (a PHP back end's deleted
    /// row): the other rows must still be read, and the list must not be read in part.
    public var nullAccountRow = false

    public struct Outage: Sendable, Hashable {
        public var after: Duration
        public var lasting: Duration
        /// The outage comes back this long after each start; nil: once.
        public var every: Duration?
        public init(after: Duration, lasting: Duration, every: Duration? = nil) {
            self.after = after
            self.lasting = lasting
            self.every = every
        }

        /// Whether the outage is on `elapsed` seconds after the simulator's start.
        public func covers(_ elapsed: Double) -> Bool {
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            var since = elapsed - seconds(after)
            guard since >= 0 else { return false }
            if let every, seconds(every) > 0 { since = since.truncatingRemainder(dividingBy: seconds(every)) }
            return since < seconds(lasting)
        }
    }

    public init(
        latency: Duration = .zero, errorRate: Double = 0, malformedRate: Double = 0, hangRate: Double = 0,
        outage: Outage? = nil, codelessUnauthorized: Bool = false, redirectTo: String? = nil, slowWrites: Duration = .zero,
        cutOffRate: Double = 0, trickle: Duration = .zero, trickleRate: Double = 1, trickleChunk: Int = 0,
        successStatus: Int? = nil, swappedSuccessCodes: Bool = false
    ) {
        self.latency = latency
        self.errorRate = errorRate
        self.malformedRate = malformedRate
        self.hangRate = hangRate
        self.outage = outage
        self.codelessUnauthorized = codelessUnauthorized
        self.redirectTo = redirectTo
        self.slowWrites = slowWrites
        self.cutOffRate = cutOffRate
        self.trickle = trickle
        self.trickleRate = trickleRate
        self.trickleChunk = trickleChunk
        self.successStatus = successStatus
        self.swappedSuccessCodes = swappedSuccessCodes
    }

    public var isEmpty: Bool {
        latency == .zero && errorRate == 0 && malformedRate == 0 && hangRate == 0 && outage == nil && !codelessUnauthorized
            && redirectTo == nil && cutOffRate == 0
    }
}
