import Foundation
import ProxyLiteAPI

/// A request as the route handlers see it: decoded query and body, nothing of HTTP.
struct SimRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var body: [String: JSONValue]

    /// A parameter from the query or, for POST, the JSON body, as text.
    func text(_ name: String) -> String? {
        if let value = body[name] {
            switch value {
            case .null: return nil
            default: return value.displayText
            }
        }
        return query[name]
    }

    /// A whole-number parameter; `nil` when absent, an error naming the field when not a number.
    func int(_ name: String) throws(SimulatorError) -> Int? {
        guard let raw = text(name), !raw.isEmpty else { return nil }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw .badParameters([name: ["\(name) 必须是整数"]])
        }
        return value
    }
}

/// What a route handler needs besides the world.
struct RouteContext: Sendable {
    let configuration: SimulatorConfiguration
    let now: Date
    var quirks: Bool { configuration.quirks }
    var offset: Int { configuration.providerOffset }

    func localDate(_ date: Date) -> JSONValue { .string(APIDate.providerString(date, offset: offset)) }
    func isoDate(_ date: Date?) -> JSONValue { date.map { .string(APIDate.isoString($0)) } ?? .null }
}

/// An answer other than success, written as the provider writes it.
struct SimulatorError: Error, Sendable {
    let code: Int
    let message: String
    let fieldErrors: [String: [String]]
    let httpStatus: Int

    static let invalidKey = SimulatorError(code: 3, message: "app_key 无效", fieldErrors: [:], httpStatus: 200)

    static func badParameters(_ fields: [String: [String]]) -> SimulatorError {
        SimulatorError(code: 400, message: "参数错误", fieldErrors: fields, httpStatus: 400)
    }

    static func failure(_ message: String, code: Int = 400) -> SimulatorError {
        SimulatorError(code: code, message: message, fieldErrors: [:], httpStatus: code == 400 ? 400 : 200)
    }
}
