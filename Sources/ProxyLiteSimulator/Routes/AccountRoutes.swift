import Foundation
import ProxyLiteAPI

/// whitelist-account/* and proxy-account/change.
enum AccountRoutes {
    static let routes: [Route] = [
        Route(endpoint: .accountList, style: .legacy, handler: list),
        Route(endpoint: .accountAdd, style: .legacy, handler: add),
        Route(endpoint: .accountDelete, style: .legacy) { world, request, context throws(SimulatorError) in
            let names = try existingNames(world, request)
            world.pending.append(PendingMutation(applyAt: context.applyAt, kind: .delete(names)))
            return .none
        },
        Route(endpoint: .accountDisable, style: .legacy) { world, request, context throws(SimulatorError) in
            let names = try existingNames(world, request)
            world.pending.append(PendingMutation(applyAt: context.applyAt, kind: .setEnabled(names, false)))
            return .none
        },
        Route(endpoint: .accountEnable, style: .legacy) { world, request, context throws(SimulatorError) in
            let names = try existingNames(world, request)
            world.apply(.setEnabled(names, true), at: context.now)
            return .none
        },
        Route(endpoint: .accountChangePassword, style: .legacy) { world, request, context throws(SimulatorError) in
            let name = try existingName(world, request)
            // Letters and digits, and no length rule (unlike proxy-account/change's 6–16).
            guard let password = request.text("password"), Validation.isAlphanumeric(password) else {
                throw .badParameters(["password": ["密码仅支持数字和字母"]])
            }
            world.pending.append(PendingMutation(applyAt: context.applyAt, kind: .password(name, password)))
            return .none
        },
        Route(endpoint: .accountChangeRemark, style: .legacy) { world, request, context throws(SimulatorError) in
            let name = try existingName(world, request)
            let remark = try validRemark(request.text("remark") ?? "")
            world.apply(.change(name, AccountChange(remark: remark)), at: context.now)
            return .none
        },
        Route(endpoint: .accountChangeLimit, style: .legacy) { world, request, context throws(SimulatorError) in
            let name = try existingName(world, request)
            guard let limit = try validLimit(request, "limit") else {
                throw .badParameters(["limit": ["limit 不能为空"]])
            }
            world.apply(.change(name, AccountChange(limitGB: limit)), at: context.now)
            return .none
        },
        Route(endpoint: .proxyAccountChange, style: .legacy, handler: change),
    ]

    private static func list(_ world: inout World, _ request: SimRequest, _ context: RouteContext) -> Route.Answer {
        var items: [JSONValue] = []
        items.reserveCapacity(world.accounts.count)
        for (index, account) in world.accounts.enumerated() {
            let usage = Int64(account.usage(at: context.now))
            // A PHP back end sends some numbers as strings; every third account does here, every
            // account in the benchmark world.
            let stringly = context.quirks && (index % 3 == 1 || context.configuration.world == .benchmark)
            func number(_ n: Int64) -> JSONValue { stringly ? .string(String(n)) : .integer(n) }
            // The benchmark world serves its codes as strings too.
            func code(_ n: Int) -> JSONValue { context.configuration.world == .benchmark ? .string(String(n)) : .integer(Int64(n)) }
            let item: JSONValue = .object([
                ("id", number(Int64(account.id))), ("username", .string(account.username)),
                ("password", .string(account.password)), ("created_at", context.localDate(account.createdAt)),
                ("remark", context.quirks && account.remark.isEmpty && index % 2 == 0 ? .null : .string(account.remark)),
                ("product_type", code(account.productType)), ("usage_flow", number(usage)),
                ("limit_flow", number(Int64(account.limitGB))), ("status", code(account.enabled ? 1 : 0)),
            ])
            items.append(HostileRows.apply(item, .accounts, index: index, plan: context.configuration.faults))
        }
        if context.configuration.faults.nullAccountRow { items.insert(.null, at: min(1, items.count)) }
        return .json(.object([("list", .array(items))]))
    }

    private static func add(
        _ world: inout World, _ request: SimRequest, _ context: RouteContext
    ) throws(SimulatorError)
        -> Route.Answer
    {
        let pairs = Validation.list(request.text("accounts") ?? "")
        guard !pairs.isEmpty else { throw .badParameters(["accounts": ["accounts 不能为空"]]) }
        var added: [(String, String)] = []
        for pair in pairs {
            let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, Validation.isAlphanumeric(parts[0]), Validation.isAlphanumeric(parts[1]) else {
                throw .badParameters(["accounts": ["格式错误: \(pair)。账户和密码仅支持数字和字母,冒号隔开"]])
            }
            added.append((parts[0], parts[1]))
        }
        // The reference states no remark rule for add (only change-remark has one).
        let remark = request.text("remark") ?? ""
        let type = try request.int("product_type") ?? 9
        guard [9, 11, 14, 25].contains(type) else {
            throw .badParameters(["product_type": ["套餐类型仅支持 9、11、14、25"]])
        }
        for (username, password) in added {
            world.accounts.append(
                SimAccount(
                    id: world.nextAccountID, username: username, password: password, createdAt: context.now,
                    remark: remark, productType: type, usageKB: 0, usageAsOf: context.now, rateKBps: 0, limitGB: 0,
                    dailyLimitGB: 0, enabled: true, udp: false))
            world.nextAccountID += 1
        }
        return .none
    }

    private static func change(
        _ world: inout World, _ request: SimRequest, _ context: RouteContext
    )
        throws(SimulatorError) -> Route.Answer
    {
        let name = try existingName(world, request)
        var change = AccountChange()
        if let password = request.text("password"), !password.isEmpty {
            guard InputRules.isValidChangedPassword(password) else {
                throw .badParameters(["password": ["密码须为 6-16 位数字或字母"]])
            }
            change.password = password
        }
        // "新备注" with no length rule here, unlike change-remark.
        if let remark = request.text("remark") { change.remark = remark }
        change.limitGB = try validLimit(request, "limit")
        change.dailyLimitGB = try validLimit(request, "daily_limit")
        if let status = try request.int("status") {
            guard status == 0 || status == 1 else { throw .badParameters(["status": ["status 仅支持 0 或 1"]]) }
            change.enabled = status == 1
        }
        if let udp = try request.int("udp") {
            guard udp == 0 || udp == 1 else { throw .badParameters(["udp": ["udp 仅支持 0 或 1"]]) }
            let type = world.accounts.first { $0.username == name }?.productType ?? 0
            guard [14, 16, 21, 25].contains(type) else {
                throw .badParameters(["udp": ["UDP 仅对套餐类型 14、16、21、25 生效"]])
            }
            change.udp = udp == 1
        }
        // Password changes and disabling take the provider's delay; the rest applies at once.
        var immediate = change
        immediate.password = nil
        if change.enabled == false { immediate.enabled = nil }
        world.apply(.change(name, immediate), at: context.now)
        var delayed = AccountChange(password: change.password)
        if change.enabled == false { delayed.enabled = false }
        if !delayed.isEmpty { world.pending.append(PendingMutation(applyAt: context.applyAt, kind: .change(name, delayed))) }
        return .none
    }

    // MARK: - Checks

    private static func existingNames(_ world: World, _ request: SimRequest) throws(SimulatorError) -> [String] {
        let names = Validation.list(request.text("accounts") ?? "")
        guard !names.isEmpty else { throw .badParameters(["accounts": ["accounts 不能为空"]]) }
        if let bad = names.first(where: { !Validation.isAlphanumeric($0) }) {
            throw .badParameters(["accounts": ["代理账户仅支持数字和字母: \(bad)"]])
        }
        let known = Set(world.accounts.map(\.username))
        let missing = names.filter { !known.contains($0) }
        guard missing.isEmpty else {
            throw .badParameters(["accounts": ["代理账户不存在: \(missing.joined(separator: ","))"]])
        }
        return names
    }

    private static func existingName(_ world: World, _ request: SimRequest) throws(SimulatorError) -> String {
        guard let name = request.text("account"), !name.isEmpty else {
            throw .badParameters(["account": ["account 不能为空"]])
        }
        guard Validation.isAlphanumeric(name) else { throw .badParameters(["account": ["代理账户仅支持数字和字母"]]) }
        guard world.accounts.contains(where: { $0.username == name }) else {
            throw .badParameters(["account": ["代理账户不存在: \(name)"]])
        }
        return name
    }

    /// change-remark's rule, the only endpoint that documents one.
    private static func validRemark(_ remark: String) throws(SimulatorError) -> String {
        guard Validation.remarkUnits(remark) <= Validation.maxRemarkUnits else {
            throw .badParameters(["remark": ["备注须在32个中文或64个英文以内"]])
        }
        return remark
    }

    private static func validLimit(_ request: SimRequest, _ field: String) throws(SimulatorError) -> Int? {
        guard let limit = try request.int(field) else { return nil }
        guard (0...Validation.maxLimitGB).contains(limit) else {
            throw .badParameters([field: ["\(field) 须在 0 到 \(Validation.maxLimitGB) GB 之间"]])
        }
        return limit
    }
}

extension RouteContext {
    /// When a change accepted now takes effect.
    var applyAt: Date {
        let delay = configuration.applyDelay.components
        return now.addingTimeInterval(Double(delay.seconds) + Double(delay.attoseconds) / 1e18)
    }
}
