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
    /// The key the simulated account accepts (app_key, and bearer token unless `bearerToken` is set).
    public var appKey: String
    public var bearerToken: String?
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
    /// The account has not passed real-name verification: account endpoints answer code 156.
    public var accountNotVerified = false
    /// Seconds east of UTC in which zone-less dates are written.
    public var providerOffset: Int
    /// The simulator's notion of now; tests move it forward.
    public var clock: SimulatorClock

    public init(
        seed: UInt64 = 42, accounts: Int = 40, staticIPs: Int = 60, orders: Int = 40, packages: Int = 12,
        whitelistIPs: Int = 4, appKey: String = SimulatorConfiguration.demoKey, bearerToken: String? = nil,
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
        self.bearerToken = bearerToken
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
    /// A window of outage, counted from the simulator's start, in which every request gets HTTP 503.
    public var outage: Outage?

    public struct Outage: Sendable, Hashable {
        public var after: Duration
        public var lasting: Duration
        public init(after: Duration, lasting: Duration) {
            self.after = after
            self.lasting = lasting
        }
    }

    public init(
        latency: Duration = .zero, errorRate: Double = 0, malformedRate: Double = 0, hangRate: Double = 0,
        outage: Outage? = nil
    ) {
        self.latency = latency
        self.errorRate = errorRate
        self.malformedRate = malformedRate
        self.hangRate = hangRate
        self.outage = outage
    }

    public var isEmpty: Bool {
        latency == .zero && errorRate == 0 && malformedRate == 0 && hangRate == 0 && outage == nil
    }
}
