import Foundation
import Logging
import Testing

@testable import proxylite_top

/// The log over days: bounded on disk, one line an entry, repeats counted rather than written.
@Suite struct LogFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("logfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func rotatesAtItsLimitAndKeepsThreeFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.log").path
        let log = try #require(LogFile(path: path, maxBytes: 4096, keep: 3))
        for i in 0..<2_000 { log.write("info test: entry \(i) " + String(repeating: "x", count: 40), stamp: "T") }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["p.log", "p.log.1", "p.log.2"])
        for file in files {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(file).path)[.size] as? Int)
            #expect(size <= 4096)
        }
        let newest = try String(contentsOfFile: path, encoding: .utf8)
        #expect(newest.contains("entry 1999"))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func repeatsAreCountedNotWritten() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.log").path
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let log = try #require(LogFile(path: path, repeatSummaryEvery: 600))
            log.write("warning poll failed: timeout", stamp: "T0", at: start)
            for i in 1...99 { log.write("warning poll failed: timeout", stamp: "T", at: start.addingTimeInterval(Double(i) * 30)) }
            log.write("info poll ok", stamp: "T9", at: start.addingTimeInterval(4000))
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("poll failed") }.count == 1)
        let counted = lines.compactMap { line -> Int? in
            guard let range = line.range(of: "repeated ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(counted.reduce(0, +) == 99, "\(lines)")
        #expect(counted.count >= 2, "a long run is summed up every 10 minutes, not only at its end")
        #expect(lines.last?.hasSuffix("info poll ok") == true)
    }

    @Test func anEntryIsAlwaysOneLine() {
        let event = LogEvent(
            level: .warning, message: "refused: \u{1B}]0;pwned\u{07}\nfake line", metadata: ["reason": "a\r\nb"], source: "t",
            file: #file, function: #function, line: #line)
        let entry = FileLogHandler.entry(event, label: "proxylite.test", metadata: [:])
        #expect(!entry.contains("\n") && !entry.contains("\r") && !entry.contains("\u{1B}"))
        #expect(entry.contains(#"\u{1B}]0;pwned\u{7}\u{A}fake line"#))
    }
}
