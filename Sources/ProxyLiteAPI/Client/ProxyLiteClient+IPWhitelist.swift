extension ProxyLiteClient {
    /// proxy-ip/list: the IPs allowed without a password.
    public func whitelistIPs(productType: ProductType? = nil) async throws -> [WhitelistIP] {
        try await send(
            .whitelistIPList, query: ["product_type": productType.map { String($0.code) }],
            as: ListPayload<WhitelistIP>.self
        ).list
    }

    /// proxy-ip/add. `userProductID` is required for product type 11.
    public func addWhitelistIPs(
        _ ips: [String], remark: String = "", productType: ProductType? = nil, userProductID: Int? = nil
    ) async throws {
        let _: NoContent = try await send(
            .whitelistIPAdd,
            body: [
                ("ips", .string(ips.joined(separator: ","))), ("remark", .string(remark)),
                ("product_type", productType.map { .integer(Int64($0.code)) }),
                ("user_product_id", userProductID.map { .integer(Int64($0)) }),
            ])
    }

    /// proxy-ip/delete, with the verification the provider may ask for.
    public func deleteWhitelistIPs(_ ips: [String], verification: DeletionVerification? = nil) async throws {
        let _: NoContent = try await send(
            .whitelistIPDelete,
            body: [
                ("ips", .string(ips.joined(separator: ","))),
                ("verify_type", verification.map { .string($0.kind.rawValue) }),
                ("verify_code", verification.map { .string($0.code) }),
            ])
    }
}
