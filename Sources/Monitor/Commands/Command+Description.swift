import ProxyLiteAPI

/// Commands in logs, test output and debuggers: everything but the passwords they carry.
extension Command: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        switch self {
        case .addAccounts(let accounts, let remark, let type):
            return "addAccounts(\(accounts.map(\.username)), remark: \(remark.debugDescription), productType: \(type.code))"
        case .enable(let names): return "enable(\(names))"
        case .disable(let names): return "disable(\(names))"
        case .delete(let names): return "delete(\(names))"
        case .changeLimit(let names, let gb): return "changeLimit(\(names), gigabytes: \(gb))"
        case .changePassword(let name, _): return "changePassword(\(name.debugDescription), to: ••••••)"
        case .changeRemark(let name, let remark): return "changeRemark(\(name.debugDescription), to: \(remark.debugDescription))"
        case .change(let name, let change):
            var fields: [String] = []
            if change.password != nil { fields.append("password: ••••••") }
            if let remark = change.remark { fields.append("remark: \(remark.debugDescription)") }
            if let limit = change.limitGB { fields.append("limit: \(limit)") }
            if let daily = change.dailyLimitGB { fields.append("dailyLimit: \(daily)") }
            if let enabled = change.enabled { fields.append("enabled: \(enabled)") }
            if let udp = change.udp { fields.append("udp: \(udp)") }
            return "change(\(name.debugDescription), \(fields.joined(separator: ", ")))"
        case .addWhitelistIPs(let ips, let remark, let type, let package):
            return
                "addWhitelistIPs(\(ips), remark: \(remark.debugDescription), type: \(type.map { String($0.code) } ?? "default"), package: \(package.map(String.init) ?? "none"))"
        case .deleteWhitelistIPs(let ips, let verification):
            return "deleteWhitelistIPs(\(ips)\(verification.map { ", verified by \($0.kind.rawValue)" } ?? ""))"
        case .closeOrder(let tradeNo): return "closeOrder(\(tradeNo))"
        case .createOrder(let request): return "createOrder(pid: \(request.productID), renew: \(request.renewIDs))"
        case .checkOrder(let request): return "checkOrder(pid: \(request.productID), renew: \(request.renewIDs))"
        case .extract(let request, _): return "extract(\(request.countryCode ?? "any"), count: \(request.count ?? 0))"
        case .states(let country): return "states(\(country))"
        case .cities(let country, let state): return "cities(\(country), \(state))"
        case .areas(let name): return "areas(\(name))"
        case .inspect(let key): return "inspect(\(key.label))"
        case .query(let query): return "query(\(query.pane): \(query.termsText))"
        }
    }

    public var debugDescription: String { description }
}
