extension ProxyLiteClient {
    /// ip/v3 as JSON: the extracted `host:port` endpoints.
    public func extract(_ request: ExtractionRequest) async throws -> [String] {
        let list = try await send(.extract, query: query(request, format: "json"), as: ListPayload<JSONValue>.self).list
        // The reference shows a list of lists of strings; flatten whatever nesting arrives.
        func flatten(_ value: JSONValue) -> [String] {
            switch value {
            case .array(let items): return items.flatMap(flatten)
            case .null: return []
            case .object: return [value.displayText]
            default: return [value.displayText]
            }
        }
        return list.flatMap(flatten)
    }

    /// ip/v3 with `format=text`, which answers plain text rather than JSON.
    public func extractText(_ request: ExtractionRequest, separator: String? = nil) async throws -> String {
        var q = query(request, format: "text")
        q["lb"] = separator
        return try await sendText(.extract, query: q)
    }

    private func query(_ r: ExtractionRequest, format: String) -> [String: String?] {
        [
            "cc": r.countryCode, "state": r.state, "city": r.city, "format": format,
            "num": r.count.map(String.init), "life": r.lifetimeMinutes.map(String.init), "ep": r.network?.rawValue,
        ]
    }
}
