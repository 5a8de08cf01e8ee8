import ProxyLiteAPI

extension CatalogueData {
    /// Fetches product, payment/groups and activity/balance-recharge-gift-ratio one after the
    /// other, keeping each outcome: a failure of one never discards the others.
    public static func fetch(_ client: ProxyLiteClient) async -> CatalogueData {
        CatalogueData(
            products: await part("product") { try await client.products() },
            paymentGroups: await part("payment/groups") { try await client.paymentGroups() },
            rechargeRatios: await part("activity/balance-recharge-gift-ratio") { try await client.rechargeGiftRatios() })
    }

    private static func part<Value>(
        _ endpoint: String, _ fetch: () async throws -> Value
    ) async -> Result<Value, ProxyLiteError> {
        do {
            return .success(try await fetch())
        } catch let error as ProxyLiteError {
            return .failure(error)
        } catch {
            return .failure(ProxyLiteError(.transport, endpoint: endpoint, message: "\(type(of: error))"))
        }
    }
}
