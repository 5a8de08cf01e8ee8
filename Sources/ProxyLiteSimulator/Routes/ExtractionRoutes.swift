import Foundation
import ProxyLiteAPI

/// ip/v3: extraction of rotating proxy endpoints.
enum ExtractionRoutes {
    static let routes: [Route] = [
        Route(endpoint: .extract, style: .legacy) { world, request, context throws(SimulatorError) in
            let count = try request.int("num") ?? 10
            guard (1...500).contains(count) else { throw .badParameters(["num": ["num 须在 1 到 500 之间"]]) }
            let life = try request.int("life") ?? 5
            guard (1...1440).contains(life) else { throw .badParameters(["life": ["life 须在 1 到 1440 分钟之间"]]) }
            let network = request.text("ep").flatMap { $0.isEmpty ? nil : $0 } ?? "us"
            guard ["us", "hk", "de"].contains(network) else { throw .badParameters(["ep": ["ep 仅支持 us、hk、de"]]) }
            if let cc = request.text("cc"), !cc.isEmpty, Catalogue.country(cc) == nil {
                throw .badParameters(["cc": ["不支持的国家或地区: \(cc)"]])
            }
            let host = ["us": "150.109.114.72", "hk": "43.154.20.11", "de": "49.12.88.201"][network]!  // validated above
            let base = 1140 + Int(SeededRandom.unit(world.seed, UInt64(context.now.timeIntervalSince1970) / 60) * 2000)
            let endpoints = (0..<count).map { "\(host):\(base + $0)" }
            if request.text("format") == "text" {
                let separator = request.text("lb").flatMap { $0.isEmpty ? nil : $0 } ?? "\r\n"
                return .text(endpoints.joined(separator: separator))
            }
            return .json(.object([("list", .array([.array(endpoints.map(JSONValue.string))]))]))
        }
    ]
}
