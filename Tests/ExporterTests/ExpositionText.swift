import Foundation

/// A Prometheus text exposition read back: every sample by name and labels, and the HELP and
/// TYPE lines. Strict where the exporter must be (one TYPE per family, escapes in label values).
struct ExpositionText {
    struct Sample: Hashable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    let text: String
    private(set) var samples: [Sample] = []
    private(set) var types: [String: String] = [:]
    private(set) var helps: [String: String] = [:]

    init(_ bytes: [UInt8]) throws {
        text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, types.updateValue(String(parts[1]), forKey: String(parts[0])) == nil else {
                    throw ParseError(line: String(line), reason: "a malformed or second TYPE line")
                }
            } else if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst(7)
                guard let space = rest.firstIndex(of: " ") else { throw ParseError(line: String(line), reason: "HELP without text") }
                helps[String(rest[..<space])] = String(rest[rest.index(after: space)...])
            } else if !line.hasPrefix("#") {
                samples.append(try Self.sample(String(line)))
            }
        }
    }

    /// The samples of `name` whose labels include `labels`.
    func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The one value of `name` with exactly these labels, nil when absent.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    struct ParseError: Error, CustomStringConvertible {
        let line: String
        let reason: String
        var description: String { "\(reason): \(line)" }
    }

    private static func sample(_ line: String) throws -> Sample {
        var labels: [String: String] = [:]
        let scalars = Array(line.unicodeScalars)
        var index = 0
        var name = ""
        while index < scalars.count, scalars[index] != "{", scalars[index] != " " {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        if index < scalars.count, scalars[index] == "{" {
            index += 1
            while index < scalars.count, scalars[index] != "}" {
                var label = ""
                while index < scalars.count, scalars[index] != "=" {
                    label.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
                guard index < scalars.count, scalars[index] == "\"" else { throw ParseError(line: line, reason: "unquoted label value") }
                index += 1
                var value = ""
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count {
                        index += 1
                        switch scalars[index] {
                        case "n": value += "\n"
                        case "\\": value += "\\"
                        case "\"": value += "\""
                        default: throw ParseError(line: line, reason: "an unknown escape")
                        }
                    } else {
                        value.unicodeScalars.append(scalars[index])
                    }
                    index += 1
                }
                index += 1
                labels[label] = value
                if index < scalars.count, scalars[index] == "," { index += 1 }
            }
            index += 1
        }
        let rest = String(String.UnicodeScalarView(scalars[index...])).trimmingCharacters(in: .whitespaces)
        guard let value = Double(rest.split(separator: " ").first.map(String.init) ?? "") else {
            throw ParseError(line: line, reason: "no value")
        }
        return Sample(name: name, labels: labels, value: value)
    }
}
