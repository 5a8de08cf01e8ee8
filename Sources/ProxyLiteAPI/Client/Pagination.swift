/// One page of a paginated endpoint.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var page: Int
    /// What the server says; nil when it does not say.
    public var totalPages: Int?
    public var totalCount: Int?
}

extension ProxyLiteClient {
    /// Walks pages from 1 until the server's page count is reached, a page comes back empty, or
    /// `maxPages` is hit (a server that always claims more cannot keep us looping).
    func collectPages<Item: Sendable>(_ fetch: (Int) async throws -> Page<Item>) async throws -> [Item] {
        var all: [Item] = []
        var page = 1
        while page <= configuration.maxPages {
            try Task.checkCancellation()
            let result = try await fetch(page)
            if page == 1, let count = result.totalCount, count > 0 {
                all.reserveCapacity(min(count, result.items.count * configuration.maxPages))  // no doubling copies
            }
            all.append(contentsOf: result.items)
            if result.items.isEmpty { break }
            if let total = result.totalPages, page >= total { break }
            if let count = result.totalCount, all.count >= count { break }
            page += 1
        }
        return all
    }
}
