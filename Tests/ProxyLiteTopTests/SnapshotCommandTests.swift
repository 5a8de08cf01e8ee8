import Foundation
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// `proxylite-top snapshot`, run as the built binary.
@Suite struct SnapshotCommandTests {
    @Test func demoPrintsTheWholeWorldAsJSON() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
        #expect(document["schema"] == "proxylite-top.snapshot/1")
        guard case .array(let accounts) = document["accounts"], case .array(let ips) = document["static_ips"],
            case .array(let orders) = document["orders"], case .array(let flow) = document["flow"],
            case .array(let packages) = document["packages"]
        else {
            Issue.record("missing panes")
            return
        }
        #expect(accounts.count == 60 && ips.count == 80 && orders.count == 50 && flow.count == 30 && packages.count == 12)
        // Numbers are numbers, passwords are masked.
        guard case .integer = accounts[0]["usage_bytes"] else {
            Issue.record("usage_bytes is not a number")
            return
        }
        #expect(accounts.allSatisfy { $0["password"] == "••••••" })
        #expect(document["package_summary"]?["total_count"] == 12)
        #expect(!result.stdout.contains(SimulatorConfiguration.demoKey))
    }

    @Test func textAlignsWideCharacters() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--pane", "accounts"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("USERNAME") })
        let createdColumn = try #require(header.range(of: "CREATED")).lowerBound
        let headerWidth = header[..<createdColumn].count
        // Every data row puts CREATED at the same terminal column, CJK remarks included.
        let rows = lines.drop { !$0.hasPrefix("USERNAME") }.dropFirst()
        #expect(rows.count == 60)
        for row in rows {
            // The empty 24H column after CREATED (`snapshot` reads no history) leaves its padding.
            var row = row
            while row.hasSuffix(" ") { row.removeLast() }
            let widthBeforeDate = columns(String(row.dropLast(19)))
            #expect(widthBeforeDate == headerWidth, "misaligned: \(row)")
        }
    }

    @Test func csvIsOneTablePerPane() async throws {
        let result = try await runBinary(["snapshot", "--demo", "--format", "csv", "--pane", "orders"])
        #expect(result.status == 0)
        let records = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // New columns are added at the end; the first eight keep their place.
        #expect(records.first == "TRADE NO,TITLE,TYPE,AMOUNT,PAY FEE,STATUS,CREATED,PAID,PAY FEE STATUS,REFUND")
        #expect(records.count == 51)
        let all = try await runBinary(["snapshot", "--demo", "--format", "csv"])
        #expect(all.status == 2 && all.stderr.contains("--pane"))
    }

    @Test func csvQuotesFieldsThatNeedIt() async throws {
        try await withSimulator(testWorld()) { simulator, client in
            try await client.addAccounts([NewAccount(username: "quoted1", password: "pw1")], remark: "a, \"b\"", productType: 9)
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString, "--format", "csv", "--pane", "accounts"],
                environment: ["PROXYLITE_APP_KEY": testKey])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("quoted1,enabled,9,0,,,\"a, \"\"b\"\"\","))
        }
    }

    @Test func noKeyExplainsHowToStart() async throws {
        let result = try await runBinary(["snapshot"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--demo") && result.stderr.contains("PROXYLITE_APP_KEY"))
        #expect(result.stdout.isEmpty)
    }

    @Test func rejectedKeyExitsThreeWithoutShowingIt() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            let wrong = "wrongKEY0000aaaa1111bbbb2222cccc"
            let result = try await runBinary(
                ["snapshot", "--base-url", simulator.baseURL.absoluteString], environment: ["PROXYLITE_APP_KEY": wrong])
            #expect(result.status == 3)
            #expect(result.stderr.contains("rejected"))
            #expect(!result.stderr.contains(wrong) && !result.stdout.contains(wrong))
        }
    }

    @Test func unreachableAPIExitsFour() async throws {
        let closed = ClosedPort()
        let url = closed.url.absoluteString
        let result = try await runBinary(
            ["snapshot", "--base-url", url, "--timeout", "2", "--pane", "accounts"], environment: ["PROXYLITE_APP_KEY": testKey])
        #expect(result.status == 4)
        #expect(result.stderr.contains("refused"))
        #expect(!result.stderr.contains(testKey))
        _ = closed
    }

    @Test func keyFileMustBePrivate() async throws {
        try await withSimulator(testWorld()) { simulator, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
            try (testKey + "\n").write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let arguments = [
                "snapshot", "--base-url", simulator.baseURL.absoluteString, "--app-key-file", file.path, "--pane", "accounts",
            ]
            chmod(file.path, 0o644)
            let open = try await runBinary(arguments)
            #expect(open.status == 2 && open.stderr.contains("chmod 600"))
            chmod(file.path, 0o600)
            let closed = try await runBinary(arguments)
            #expect(closed.status == 0, "\(closed.stderr)")
            #expect(closed.stdout.contains("shop1"))
            #expect(!closed.stdout.contains(testKey) && !closed.stderr.contains(testKey))
        }
    }

    @Test func badOptionsAreUsageErrors() async throws {
        let url = try await runBinary(["snapshot", "--base-url", "not a url"])
        #expect(url.status == 2 && url.stderr.contains("--base-url"))
        let zone = try await runBinary(["snapshot", "--demo", "--provider-timezone", "Mars"])
        #expect(zone.status == 2 && zone.stderr.contains("offset"))
        let unknown = try await runBinary(["snapshot", "--no-such-option"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--no-such-option"))
    }

    /// Terminal columns of `text`, counting East Asian wide characters and emoji as two.
    private func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0x1F300...0x1FAFF).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
