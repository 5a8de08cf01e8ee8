import Logging
import NIOConcurrencyHelpers
import NIOCore

extension ProxyLiteClient {
    /// Every proxy sub-account (whitelist-account/list; the endpoint is not paginated).
    /// Read as it arrives (`AccountListStream`); an answer the stream cannot vouch for is asked
    /// for again and read whole, as are the next ones for a while (`wholeAccountLists`).
    public func accounts() async throws -> [SubAccount] {
        let readWhole = wholeAccountLists.withLockedValue { left in
            defer { left = max(0, left - 1) }
            return left > 0
        }
        if readWhole { return try await accountsReadWhole() }
        let stream = AccountListStream(providerOffset: configuration.profile.providerOffset)
        let (status, read) = try await exchange(.accountList, query: [:], body: [], into: stream)
        switch read.finish() {
        case .accounts(let accounts): return accounts
        case .whole(let buffer):
            return try self.read(
                buffer, status: status, endpoint: .accountList, scan: AccountListScanner.scan, orDecode: ListPayload<SubAccount>.self
            ) { $0.list }
        case .notJSON:
            throw ProxyLiteError(
                .decoding, endpoint: Endpoint.accountList.path,
                message: "the answer is not valid JSON: it was cut off, or its brackets do not close")
        case .askAgain:
            logger.info(
                "the account list was read in part and then found odd; asking for it again, and reading the next ones whole",
                metadata: ["lists": "\(Self.wholeListsAfterOdd)"])
            wholeAccountLists.withLockedValue { $0 = Self.wholeListsAfterOdd }
            return try await accountsReadWhole()
        }
    }

    private func accountsReadWhole() async throws -> [SubAccount] {
        try await send(.accountList, scan: AccountListScanner.scan, orDecode: ListPayload<SubAccount>.self) { $0.list }
    }

    /// Adds accounts in one call (whitelist-account/add). Usernames and passwords: letters and digits only.
    public func addAccounts(_ accounts: [NewAccount], remark: String = "", productType: ProductType) async throws {
        let pairs = accounts.map { "\($0.username):\($0.password)" }.joined(separator: ",")
        let _: NoContent = try await withSecrets(accounts.map(\.password)) {
            try await send(
                .accountAdd,
                body: [
                    ("accounts", .string(pairs)), ("remark", .string(remark)),
                    ("product_type", .integer(Int64(productType.code))),
                ])
        }
    }

    /// Deletes accounts (whitelist-account/delete). Irreversible; applied up to 5 minutes later.
    public func deleteAccounts(_ usernames: [String]) async throws {
        let _: NoContent = try await send(.accountDelete, body: [("accounts", .string(usernames.joined(separator: ",")))])
    }

    /// Disables accounts (whitelist-account/disable); applied up to 5 minutes later.
    public func disableAccounts(_ usernames: [String]) async throws {
        let _: NoContent = try await send(.accountDisable, body: [("accounts", .string(usernames.joined(separator: ",")))])
    }

    /// Enables accounts (whitelist-account/enable).
    public func enableAccounts(_ usernames: [String]) async throws {
        let _: NoContent = try await send(.accountEnable, body: [("accounts", .string(usernames.joined(separator: ",")))])
    }

    /// whitelist-account/change-password; the old password may work for up to 5 more minutes.
    public func changePassword(account: String, to password: String) async throws {
        let _: NoContent = try await withSecrets([password]) {
            try await send(.accountChangePassword, body: [("account", .string(account)), ("password", .string(password))])
        }
    }

    /// whitelist-account/change-remark; at most 32 CJK or 64 Latin characters.
    public func changeRemark(account: String, to remark: String) async throws {
        let _: NoContent = try await send(
            .accountChangeRemark, body: [("account", .string(account)), ("remark", .string(remark))])
    }

    /// whitelist-account/change-limit, in GB; 0 removes the cap.
    public func changeLimit(account: String, gigabytes: Int) async throws {
        let _: NoContent = try await send(
            .accountChangeLimit, body: [("account", .string(account)), ("limit", .integer(Int64(gigabytes)))])
    }

    /// proxy-account/change: password, remark, limits, status and UDP in one call; nil fields stay as they are.
    public func changeAccount(_ account: String, _ change: AccountChange) async throws {
        let _: NoContent = try await withSecrets(change.password.map { [$0] } ?? []) {
            try await send(
                .proxyAccountChange,
                body: [
                    ("account", .string(account)),
                    ("password", change.password.map(JSONValue.string)),
                    ("remark", change.remark.map(JSONValue.string)),
                    ("limit", change.limitGB.map { .integer(Int64($0)) }),
                    ("daily_limit", change.dailyLimitGB.map { .integer(Int64($0)) }),
                    ("status", change.enabled.map { .integer($0 ? 1 : 0) }),
                    ("udp", change.udp.map { .integer($0 ? 1 : 0) }),
                ])
        }
    }
}

extension ProxyLiteClient {
    /// The account list's answer exactly as it came (it never carries the app_key), so that a
    /// benchmark can be run again on it without a network (`benchmark frames --save-answers`).
    public func accountListAnswer() async throws -> [UInt8] {
        let (status, whole) = try await exchange(.accountList, query: [:], body: [], into: WholeBody())
        guard (200..<300).contains(status) else {
            throw ProxyLiteError(.httpStatus(status), endpoint: Endpoint.accountList.path, message: "HTTP \(status)")
        }
        return Array(whole.buffer.readableBytesView)
    }

    /// A saved account list answer read as `accounts()` reads one arriving, in 64 KB pieces.
    public static func accounts(fromAnswer bytes: [UInt8], providerOffset: Int) throws -> [SubAccount] {
        var stream = AccountListStream(providerOffset: providerOffset)
        stream.start(status: 200, length: bytes.count)
        var at = 0
        while at < bytes.count {
            let end = min(bytes.count, at + 65_536)
            stream.append(ByteBuffer(bytes: bytes[at..<end]))
            at = end
        }
        if case .accounts(let accounts) = stream.finish() { return accounts }
        if let accounts = bytes.withUnsafeBytes({ AccountListScanner.scan($0, providerOffset: providerOffset) }) { return accounts }
        throw ProxyLiteError(.decoding, endpoint: Endpoint.accountList.path, message: "the saved answer is not an account list")
    }
}
