import Foundation
import NIOCore
import NIOHTTP1
import TestSupport

/// Prometheus's HTTP API, as a test asks it: an instant query's status, error and samples.
struct QueryAnswer {
    let status: String
    let error: String?
    /// Each sample's labels and value (as Prometheus prints it: "4294967296", "NaN").
    let samples: [(labels: [String: String], value: String)]

    var succeeded: Bool { status == "success" }
}

extension PrometheusServer {
    /// An instant query, POSTed as a form: PromQL is full of `+`, `{` and `"`, and a form body
    /// escapes them all (a URL's query string would read `+` as a space).
    func query(_ promQL: String) async throws -> QueryAnswer {
        let body = "query=" + Self.formEncode(promQL)
        let response = try await fetch(
            "\(baseURL)/api/v1/query", method: .POST, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(body.utf8), timeout: .seconds(10))
        return try Self.answer(response.body, query: promQL)
    }

    /// The loaded rules' names, queries, labels and health, from /api/v1/rules.
    func rules() async throws -> [(name: String, query: String, labels: [String: String], health: String, lastError: String?)] {
        let response = try await fetch("\(baseURL)/api/v1/rules", timeout: .seconds(10))
        let root = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        let groups = (root?["data"] as? [String: Any])?["groups"] as? [[String: Any]] ?? []
        return groups.flatMap { group in
            (group["rules"] as? [[String: Any]] ?? []).map { rule in
                (
                    rule["name"] as? String ?? "", rule["query"] as? String ?? "", rule["labels"] as? [String: String] ?? [:],
                    rule["health"] as? String ?? "",
                    (rule["lastError"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                )
            }
        }
    }

    private static func answer(_ body: [UInt8], query: String) throws -> QueryAnswer {
        guard let root = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw PrometheusFailure("not a JSON object from /api/v1/query for \(query): \(String(decoding: body, as: UTF8.self))")
        }
        let data = root["data"] as? [String: Any]
        var samples: [(labels: [String: String], value: String)] = []
        switch data?["resultType"] as? String {
        case "vector", "matrix":
            for item in data?["result"] as? [[String: Any]] ?? [] {
                let labels = item["metric"] as? [String: String] ?? [:]
                let value = (item["value"] as? [Any])?.last as? String ?? ((item["values"] as? [[Any]])?.last?.last as? String) ?? ""
                samples.append((labels, value))
            }
        case "scalar", "string":
            if let value = (data?["result"] as? [Any])?.last as? String { samples.append(([:], value)) }
        default:
            break
        }
        return QueryAnswer(status: root["status"] as? String ?? "", error: root["error"] as? String, samples: samples)
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
