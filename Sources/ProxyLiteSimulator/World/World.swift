import Foundation
import ProxyLiteAPI

/// The simulated account: everything the API can show or change, on the simulator's clock.
///
/// Time-driven change is computed on read (usage from rates, IP status from expiry, unpaid orders
/// timing out), so nothing runs in the background; accepted changes wait in `pending` until
/// their apply time and are applied by `settle(at:)` before every request.
struct World: Sendable {
    var accounts: [SimAccount] = []
    var whitelist: [SimWhitelistIP] = []
    var packages: [SimPackage] = []
    var staticIPs: [SimStaticIP] = []
    var orders: [SimOrder] = []
    var pending: [PendingMutation] = []
    var nextAccountID = 1
    var nextOrderID = 1
    let seed: UInt64
    let startedAt: Date

    init(configuration c: SimulatorConfiguration, now: Date) {
        seed = c.seed
        startedAt = now
        var random = SeededRandom(seed: c.seed)
        switch c.world {
        case .catalogue: generateAccounts(c.accounts, now: now, random: &random)
        case .benchmark: generateBenchmarkAccounts(c.accounts, now: now, random: &random)
        }
        if !c.usageGrowth {
            for i in accounts.indices { accounts[i].rateKBps = 0 }
        }
        generateWhitelist(c.whitelistIPs, now: now, random: &random)
        generatePackages(c.packages, now: now, random: &random)
        generateStaticIPs(c.staticIPs, now: now, random: &random)
        generateOrders(c.orders, now: now, timeout: c.orderTimeout, random: &random)
    }

    /// Applies every pending change whose time has come, in the order they were accepted.
    mutating func settle(at now: Date) {
        guard pending.contains(where: { $0.applyAt <= now }) else { return }
        var remaining: [PendingMutation] = []
        for mutation in pending {
            if mutation.applyAt <= now { apply(mutation.kind, at: mutation.applyAt) } else { remaining.append(mutation) }
        }
        pending = remaining
    }

    mutating func apply(_ kind: PendingMutation.Kind, at time: Date) {
        switch kind {
        case .delete(let names):
            let set = Set(names)
            accounts.removeAll { set.contains($0.username) }
        case .setEnabled(let names, let enabled):
            let set = Set(names)
            for i in accounts.indices where set.contains(accounts[i].username) {
                accounts[i].settle(at: time)
                accounts[i].enabled = enabled
            }
        case .password(let name, let password):
            for i in accounts.indices where accounts[i].username == name { accounts[i].password = password }
        case .change(let name, let change):
            for i in accounts.indices where accounts[i].username == name {
                accounts[i].settle(at: time)
                if let p = change.password { accounts[i].password = p }
                if let r = change.remark { accounts[i].remark = r }
                if let l = change.limitGB { accounts[i].limitGB = l }
                if let d = change.dailyLimitGB { accounts[i].dailyLimitGB = d }
                if let e = change.enabled { accounts[i].enabled = e }
                if let u = change.udp { accounts[i].udp = u }
            }
        }
    }

    /// Status of an order now: unpaid orders past their timeout count as cancelled (2).
    func orderStatus(_ order: SimOrder, now: Date, timeout: Duration) -> Int {
        if order.status == 0, now.timeIntervalSince(order.createdAt) >= Double(timeout.components.seconds) { return 2 }
        return order.status
    }

    /// Traffic in KB of one account on one provider-local day (`dayIndex` days since 1970).
    func dailyFlowKB(_ account: SimAccount, dayIndex: Int, now: Date, offset: Int) -> Int64 {
        let local = now.timeIntervalSince1970 + Double(offset)
        let today = Int((local / 86_400).rounded(.down))
        if dayIndex > today { return 0 }
        let created = Int(((account.createdAt.timeIntervalSince1970 + Double(offset)) / 86_400).rounded(.down))
        if dayIndex < created { return 0 }
        let factor = 0.2 + 1.4 * SeededRandom.unit(seed, UInt64(account.id), UInt64(bitPattern: Int64(dayIndex)))
        if dayIndex == today {
            let secondsToday = local - Double(today) * 86_400
            return account.enabled ? Int64(account.rateKBps * secondsToday * factor) : 0
        }
        return Int64(account.rateKBps * 86_400 * factor)
    }

    // MARK: - Generation

    private mutating func generateAccounts(_ count: Int, now: Date, random: inout SeededRandom) {
        accounts.reserveCapacity(count)
        let types = [9, 9, 9, 11, 14, 25]
        let limits = [1, 5, 10, 20, 50, 100, 500, 1000, 5000]
        for index in 0..<count {
            let stem = Catalogue.usernameStems[index % Catalogue.usernameStems.count]
            let limit = random.chance(0.25) ? 0 : random.pick(limits)
            let limitKB = Double(limit) * 1024 * 1024
            // A few sit close to their cap, so that the gauges and projections have something to show.
            let fraction = random.chance(0.15) ? random.double(0.85...0.97) : random.double(0.02...0.7)
            let usage = limit > 0 ? limitKB * fraction : random.double(1_000...80_000_000)
            let rate = random.chance(0.2) ? 0 : random.double(0.5...400)
            accounts.append(
                SimAccount(
                    id: nextAccountID, username: "\(stem)\(index + 1)", password: random.alphanumeric(10),
                    createdAt: now.addingTimeInterval(-Double(random.int(3_600...34_000_000))),
                    remark: random.pick(Catalogue.remarks), productType: random.pick(types), usageKB: usage.rounded(),
                    usageAsOf: now, rateKBps: rate, limitGB: limit, dailyLimitGB: 0, enabled: !random.chance(0.15),
                    udp: false))
            nextAccountID += 1
        }
    }

    private mutating func generateWhitelist(_ count: Int, now: Date, random: inout SeededRandom) {
        let ips = ["203.0.113.10", "198.51.100.7", "192.0.2.44", "2001:db8::1", "203.0.113.99", "198.51.100.200"]
        let remarks = ["office", "build server", "家里", "", "vpn exit", "monitoring"]
        for i in 0..<min(count, ips.count) {
            whitelist.append(
                SimWhitelistIP(
                    ip: ips[i], remark: remarks[i], productType: random.pick([9, 11, 14, 25]),
                    createdAt: now.addingTimeInterval(-Double(random.int(86_400...20_000_000)))))
        }
    }

    private mutating func generatePackages(_ count: Int, now: Date, random: inout SeededRandom) {
        let kinds: [(Int, String, Int64)] = [
            (9, "入门级", 5), (9, "Business 50 GB", 50), (12, "长效IDC 100 GB", 100), (9, "Enterprise 500 GB", 500),
        ]
        for i in 0..<count {
            let kind = random.pick(kinds)
            let created = now.addingTimeInterval(-Double(random.int(86_400...30_000_000)))
            // Spread expiries: some gone, some within the week, most later.
            let expires: Date
            switch i % 5 {
            case 0: expires = now.addingTimeInterval(-Double(random.int(86_400...5_000_000)))
            case 1: expires = now.addingTimeInterval(Double(random.int(3_600...6 * 86_400)))
            default: expires = now.addingTimeInterval(Double(random.int(8 * 86_400...20_000_000)))
            }
            let total = kind.2 * 1024 * 1024
            packages.append(
                SimPackage(
                    id: 5000 + i, createdAt: created, expiresAt: expires, productType: kind.0,
                    tradeNo: Self.tradeNo(created, &random), orderCreatedAt: created.addingTimeInterval(-40),
                    paidAt: created.addingTimeInterval(-10), title: kind.1, totalKB: total,
                    usedKB: Int64(Double(total) * random.double(0.05...0.98))))
        }
    }

    private mutating func generateStaticIPs(_ count: Int, now: Date, random: inout SeededRandom) {
        staticIPs.reserveCapacity(count)
        let isps = ["Comcast", "NTT", "Deutsche Telekom", "BT", "Singtel", "HKT", "Vivo", "Orange", "KT", "Telstra"]
        for i in 0..<count {
            let countryIndex = random.int(0...(Catalogue.countries.count - 1))
            let country = Catalogue.countries[countryIndex]
            let state = random.pick(country.states)
            let created = now.addingTimeInterval(-Double(random.int(86_400...15_000_000)))
            let expires: Date
            switch i % 6 {
            case 0: expires = now.addingTimeInterval(-Double(random.int(3_600...2_000_000)))
            case 1: expires = now.addingTimeInterval(Double(random.int(3_600...7 * 86_400)))
            default: expires = now.addingTimeInterval(Double(random.int(8 * 86_400...8_000_000)))
            }
            let type = random.chance(0.5) ? 14 : 25
            staticIPs.append(
                SimStaticIP(
                    id: 10_000 + i,
                    ip: "\(random.int(23...223)).\(random.int(0...255)).\(random.int(0...255)).\(random.int(1...254))",
                    port: random.int(1000...65000), username: "s\(random.alphanumeric(7))",
                    password: random.alphanumeric(12), countryCode: country.code, city: random.pick(state.cities),
                    createdAt: created, expiresAt: expires, maintenance: random.chance(0.03),
                    tradeNo: Self.tradeNo(created, &random), productType: type, isp: isps[countryIndex],
                    asn: random.int(1000...65000), autoRenew: random.chance(0.3)))
        }
    }

    private mutating func generateOrders(_ count: Int, now: Date, timeout: Duration, random: inout SeededRandom) {
        orders.reserveCapacity(count)
        for i in 0..<count {
            let product = random.pick(Catalogue.products)
            let amount = product.type == 14 || product.type == 25 ? random.int(1...20) : 1
            let unit = product.priceUSD == 0 ? 199 : product.priceUSD
            let status: Int
            let created: Date
            if i < max(1, count / 20) {  // a few unpaid orders still inside their payment window
                status = 0
                created = now.addingTimeInterval(-Double(random.int(10...max(11, Int(timeout.components.seconds) / 2))))
            } else {
                status = random.pick([1, 1, 1, 1, 1, 1, 2, 2, 3])
                created = now.addingTimeInterval(-Double(random.int(3_600...30_000_000)))
            }
            let total = (unit * Double(amount) * 100).rounded() / 100
            let discount = random.chance(0.3) ? (total * 0.1 * 100).rounded() / 100 : 0
            let method = random.pick(Catalogue.paymentMethods)
            orders.append(
                SimOrder(
                    id: nextOrderID, tradeNo: Self.tradeNo(created, &random), outTradeNo: "EXT\(random.alphanumeric(12))",
                    productID: product.id, productType: product.type, amount: amount, unitPrice: unit, totalFee: total,
                    discountFee: discount, handlingFee: 0, refundFee: status == 3 ? total - discount : 0,
                    paymentMethodID: method.id, paymentMethodTitle: method.title, status: status, title: product.title,
                    detail: "\(amount) × \(product.title)",
                    regionDescription: product.type == 14 || product.type == 25 ? "US,\(amount)" : "",
                    paidAt: status == 1 || status == 3 ? created.addingTimeInterval(60) : nil, createdAt: created,
                    // A few paid orders were over- or underpaid (crypto payments typed by hand); chosen
                    // by index so the rest of the seeded world stays as it was.
                    payFeeStatus: status == 1 && i % 9 == 4 ? 1 + (i / 9) % 2 : 0,
                    // Some paid orders carry an invoice, again by index.
                    invoiced: status == 1 && i % 4 == 1))
            nextOrderID += 1
        }
        orders.sort { $0.createdAt > $1.createdAt }
    }

    static func tradeNo(_ date: Date, _ random: inout SeededRandom) -> String {
        let stamp = APIDate.providerString(date, offset: 8 * 3600).filter(\.isNumber)
        return stamp + String(format: "%014llu", random.next() % 100_000_000_000_000)
    }
}
