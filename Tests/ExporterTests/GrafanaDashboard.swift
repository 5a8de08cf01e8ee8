import Foundation

/// The shipped Grafana dashboard, read as a test needs it: every query, with Grafana's
/// variables replaced as Grafana would replace them for one profile.
struct GrafanaDashboard {
    struct Query {
        let panel: String
        let expr: String
    }

    let root: [String: Any]

    init(_ file: URL) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else {
            throw PrometheusFailure("\(file.path) is not a JSON object")
        }
        self.root = root
    }

    /// Every panel, rows' nested panels included.
    var panels: [[String: Any]] {
        func flatten(_ panels: [[String: Any]]) -> [[String: Any]] {
            panels.flatMap { [$0] + flatten($0["panels"] as? [[String: Any]] ?? []) }
        }
        return flatten(root["panels"] as? [[String: Any]] ?? [])
    }

    var queries: [Query] {
        panels.flatMap { panel in
            (panel["targets"] as? [[String: Any]] ?? []).compactMap { target in
                (target["expr"] as? String).map { Query(panel: panel["title"] as? String ?? "?", expr: $0) }
            }
        }
    }

    var variables: [[String: Any]] { (root["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? [] }

    /// The variable's `label_values(metric, label)` as PromQL that lists the same values.
    func variableQuery(_ name: String) -> String? {
        guard let variable = variables.first(where: { $0["name"] as? String == name }) else { return nil }
        let text = (variable["query"] as? [String: Any])?["query"] as? String ?? variable["query"] as? String ?? ""
        guard text.hasPrefix("label_values("), text.hasSuffix(")") else { return nil }
        let inner = text.dropFirst("label_values(".count).dropLast()
        guard let comma = inner.lastIndex(of: ",") else { return nil }
        let metric = inner[..<comma].trimmingCharacters(in: .whitespaces)
        let label = inner[inner.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        return "group by (\(label)) (\(metric))"
    }

    /// Grafana's substitutions for one profile and a short time range.
    static func substitute(_ expr: String, profile: String) -> String {
        var text = expr
        for (variable, value) in [
            ("${profile}", profile), ("$profile", profile), ("$__rate_interval", "1m"), ("$__interval", "15s"), ("$__range", "1h"),
        ] {
            text = text.replacingOccurrences(of: variable, with: value)
        }
        return text
    }
}
