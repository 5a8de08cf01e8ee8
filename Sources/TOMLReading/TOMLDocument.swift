import Foundation

/// The part of TOML that proxylite-top's config and theme files use — tables, `key = value`,
/// strings, numbers, booleans, one-line arrays and inline tables — parsed with the line of every
/// value, so that each complaint can say exactly where to look.
///
/// A general TOML library would accept more, but would not tell us the line of a value whose
/// meaning (not syntax) is wrong, which is most of what people get wrong in a config file.
public struct TOMLDocument: Sendable {
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([Value])
        case table([(String, Value)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.string(let x), .string(let y)): return x == y
            case (.integer(let x), .integer(let y)): return x == y
            case (.float(let x), .float(let y)): return x == y
            case (.bool(let x), .bool(let y)): return x == y
            case (.array(let x), .array(let y)): return x == y
            case (.table(let x), .table(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            default: return false
            }
        }

        public var typeName: String {
            switch self {
            case .string: return "text"
            case .integer: return "a whole number"
            case .float: return "a number"
            case .bool: return "true or false"
            case .array: return "a list"
            case .table: return "a table"
            }
        }
    }

    public struct Entry: Sendable {
        /// The table it is in, "" for the top level.
        public var table: String
        public var key: String
        public var value: Value
        public var line: Int
    }

    public private(set) var entries: [Entry] = []
    /// Lines of `[table]` headers, for reporting unknown tables.
    public private(set) var tables: [(name: String, line: Int)] = []

    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    public init(parsing text: String) throws(SyntaxError) {
        var table = ""
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var scanner = Scanner(Array(String(rawLine).unicodeScalars), line: lineNumber)
            scanner.skipSpace()
            if scanner.atEnd || scanner.peek == "#" { continue }
            if scanner.peek == "[" {
                scanner.advance()
                scanner.skipSpace()
                let name = try scanner.key(dotted: true)
                scanner.skipSpace()
                try scanner.expect("]")
                try scanner.expectEndOfLine()
                table = name
                tables.append((name, lineNumber))
                continue
            }
            let key = try scanner.key(dotted: false)
            scanner.skipSpace()
            try scanner.expect("=")
            scanner.skipSpace()
            let value = try scanner.value()
            try scanner.expectEndOfLine()
            let full = table + "." + key
            guard seen.insert(full).inserted else {
                throw SyntaxError(line: lineNumber, column: 1, message: "'\(key)' is set twice")
            }
            entries.append(Entry(table: table, key: key, value: value, line: lineNumber))
        }
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0
        var depth = 0
        let line: Int

        init(_ scalars: [Unicode.Scalar], line: Int) {
            self.scalars = scalars
            self.line = line
        }

        var atEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
        mutating func advance() { position += 1 }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: position + 1, message: message) }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "\t" || c == "\r" { advance() }
        }

        mutating func expect(_ c: Unicode.Scalar) throws(SyntaxError) {
            guard peek == c else { throw error("expected '\(c)'" + (peek.map { ", found '\($0)'" } ?? " before the end of the line")) }
            advance()
        }

        mutating func expectEndOfLine() throws(SyntaxError) {
            skipSpace()
            if let c = peek, c != "#" { throw error("unexpected '\(c)' after the value") }
        }

        mutating func key(dotted: Bool) throws(SyntaxError) -> String {
            var parts: [String] = []
            repeat {
                skipSpace()
                if peek == "\"" {
                    parts.append(try basicString())
                } else {
                    var bare = ""
                    while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                        bare.unicodeScalars.append(c)
                        advance()
                    }
                    guard !bare.isEmpty else { throw error("expected a name") }
                    parts.append(bare)
                }
                skipSpace()
                guard dotted, peek == "." else { break }
                advance()
            } while true
            return parts.joined(separator: ".")
        }

        mutating func value() throws(SyntaxError) -> Value {
            guard let c = peek else { throw error("expected a value") }
            switch c {
            case "\"": return .string(try basicString())
            case "'":
                advance()
                var text = ""
                while let d = peek, d != "'" {
                    text.unicodeScalars.append(d)
                    advance()
                }
                try expect("'")
                return .string(text)
            case "[":
                advance()
                var items: [Value] = []
                try nested { scanner throws(SyntaxError) in
                    try scanner.commaSeparated(until: "]") { scanner throws(SyntaxError) in items.append(try scanner.value()) }
                }
                return .array(items)
            case "{":
                advance()
                var members: [(String, Value)] = []
                try nested { scanner throws(SyntaxError) in
                    try scanner.commaSeparated(until: "}") { scanner throws(SyntaxError) in
                        let k = try scanner.key(dotted: false)
                        scanner.skipSpace()
                        try scanner.expect("=")
                        scanner.skipSpace()
                        members.append((k, try scanner.value()))
                    }
                }
                return .table(members)
            default:
                var word = ""
                while let d = peek, !(d == " " || d == "\t" || d == "," || d == "]" || d == "}" || d == "#" || d == "\r") {
                    word.unicodeScalars.append(d)
                    advance()
                }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.replacingOccurrences(of: "_", with: "")
                if let i = Int(digits) { return .integer(i) }
                if let d = Double(digits), !word.isEmpty { return .float(d) }
                throw error(word.isEmpty ? "expected a value" : "'\(word)' is not a value (text needs quotes)")
            }
        }

        /// Reads `item, item, …` up to `closing`, which it consumes.
        mutating func commaSeparated(
            until closing: Unicode.Scalar, _ item: (inout Scanner) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            skipSpace()
            while peek != closing {
                try item(&self)
                skipSpace()
                guard peek == "," else { break }
                advance()
                skipSpace()
            }
            try expect(closing)
        }

        /// Runs `body` one level deeper, refusing nesting no config needs (and that would exhaust the stack).
        mutating func nested(_ body: (inout Scanner) throws(SyntaxError) -> Void) throws(SyntaxError) {
            guard depth < 16 else { throw error("lists and tables are nested too deeply") }
            depth += 1
            defer { depth -= 1 }
            try body(&self)
        }

        mutating func basicString() throws(SyntaxError) -> String {
            try expect("\"")
            var text = ""
            while let c = peek, c != "\"" {
                advance()
                if c == "\\" {
                    guard let e = peek else { break }
                    advance()
                    switch e {
                    case "n": text += "\n"
                    case "t": text += "\t"
                    case "\"": text += "\""
                    case "\\": text += "\\"
                    case "u":
                        var hex = ""
                        for _ in 0..<4 {
                            if let h = peek {
                                hex.unicodeScalars.append(h)
                                advance()
                            }
                        }
                        guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw error("bad \\u escape") }
                        text.unicodeScalars.append(s)
                    default: throw error("unknown escape '\\\(e)'")
                    }
                } else {
                    text.unicodeScalars.append(c)
                }
            }
            try expect("\"")
            return text
        }
    }
}
