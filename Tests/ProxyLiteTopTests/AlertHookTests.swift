import Foundation
import Monitor
import ProxyLiteAPI
import Testing

@testable import proxylite_top

/// The alert hook for real, with shell-script fixtures: its JSON on stdin, its environment
/// without the key, its process group killed at the timeout, and every failure reported.
@Suite struct AlertHookTests {
    /// A folder of its own, removed by the caller.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alert-hook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An executable `/bin/sh` script in `dir`.
    func script(_ body: String, in dir: URL, name: String = "hook") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try writeScript("#!/bin/sh\n" + body + "\n", to: path)
        return path
    }

    func alert(_ id: Int64, _ kind: AlertKind, _ subject: String) -> Alert {
        Alert(
            id: id, kind: kind, subject: subject, profile: "main", value: 92.123456, threshold: 90,
            message: "\(subject) has used 92.1 % of its 10 GB limit", at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func theHookReadsTheRaisedAlertsAsOneJSONArray() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdin.json").path
        let hook = try script("cat > \"$1\"", in: dir)
        let raised = [alert(7, .usagePercent, "alice"), alert(8, .spike, "bob")]
        let utc = try #require(TimeZone(secondsFromGMT: 3600))
        let result = await AlertHook.run(
            [hook, out], input: AlertJSON.bytes(raised, timeZone: utc), key: nil, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result == .succeeded)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 2)
        let first = try #require(array.first)
        #expect(first["kind"] as? String == "usage_percent")
        #expect(first["subject"] as? String == "alice")
        #expect(first["profile"] as? String == "main")
        #expect(first["value"] as? Double == 92.1235)
        #expect(first["threshold"] as? Double == 90)
        #expect(first["message"] as? String == "alice has used 92.1 % of its 10 GB limit")
        #expect(first["at"] as? String == "2027-01-15T09:00:00+01:00")
        #expect(first["state"] as? String == "active")
        #expect(first["id"] as? Int == 7)
        #expect(array.last?["kind"] as? String == "spike_factor")
        // The keys in their documented order, always.
        let text = String(decoding: data, as: UTF8.self)
        let order = ["kind", "subject", "profile", "value", "threshold", "message", "at", "state", "id"].map {
            text.range(of: "\"\($0)\":")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(
            AlertJSON.timestamp(Date(timeIntervalSince1970: 0), timeZone: try #require(TimeZone(identifier: "UTC")))
                == "1970-01-01T00:00:00+00:00")
    }

    @Test func theHookSeesNoKeyVariable() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("env.txt").path
        let hook = try script("env > \"$1\"", in: dir)
        // A made-up key, never printed: only whether it leaked is.
        let secret = "k" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let key = try #require(AppKey(secret))
        let environment = [
            "PATH": "/usr/bin:/bin", "PROXYLITE_APP_KEY": secret, "STAGING_APP_KEY": "other", "WORK_TOKEN": secret,
            "PROFILE_KEY": "named", "KEEP_ME": "yes",
        ]
        let result = await AlertHook.run(
            [hook, out], input: Array("[]\n".utf8), key: key, keyVariables: ["PROFILE_KEY"], environment: environment)
        #expect(result == .succeeded)
        let seen = try String(contentsOfFile: out, encoding: .utf8)
        let leaked = seen.contains(secret)
        #expect(!leaked)
        #expect(!seen.contains("PROXYLITE_APP_KEY"))
        #expect(!seen.contains("STAGING_APP_KEY"))
        #expect(!seen.contains("WORK_TOKEN"))
        #expect(!seen.contains("PROFILE_KEY"))
        #expect(seen.contains("KEEP_ME=yes"))
    }

    /// Whether `pid` has ended: gone, or a zombie nobody has reaped yet.
    func ended(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return stat[close...].dropFirst(2).first == "Z"
    }

    @Test func aHookStillRunningIsKilledWithItsGroupAfterTheTimeout() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pids = dir.appendingPathComponent("pids").path
        let hook = try script("sleep 600 &\necho $$ $! > \"$1\"\nsleep 600", in: dir)
        let start = ContinuousClock.now
        let result = await AlertHook.run(
            [hook, pids], input: Array("[]\n".utf8), key: nil, timeout: .milliseconds(500),
            environment: ["PATH": "/usr/bin:/bin"])
        let took = start.duration(to: .now)
        #expect(result == .timedOut(seconds: 0.5))
        // Killed long before its 10-minute sleeps end (a machine loaded by builds has been seen to
        // take 40 s to get there, so the margin is wide).
        #expect(took >= .milliseconds(500) && took < .seconds(300))
        let numbers = try String(contentsOfFile: pids, encoding: .utf8).split(separator: " ").compactMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(numbers.count == 2)
        // The background child was in the hook's group: killed with it (reaped by whoever adopted it).
        let deadline = ContinuousClock.now + .seconds(5)
        while !numbers.allSatisfy(ended), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(numbers.allSatisfy(ended))
    }

    @Test func failuresAreReportedNotThrown() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["PATH": "/usr/bin:/bin"]
        let failing = try script("exit 3", in: dir, name: "fails")
        #expect(await AlertHook.run([failing], input: [], key: nil, environment: env) == .failed(status: 3))
        let killed = try script("kill -TERM $$", in: dir, name: "killed")
        #expect(await AlertHook.run([killed], input: [], key: nil, environment: env) == .signalled(SIGTERM))
        let missing = await AlertHook.run([dir.appendingPathComponent("absent").path], input: [], key: nil, environment: env)
        guard case .cannotStart(let why) = missing else {
            Issue.record("a missing program: \(missing)")
            return
        }
        #expect(why.contains("No such file"))
        let notExecutable = dir.appendingPathComponent("plain").path
        try "echo".write(toFile: notExecutable, atomically: true, encoding: .utf8)
        guard case .cannotStart = await AlertHook.run([notExecutable], input: [], key: nil, environment: env) else {
            Issue.record("a file that is not executable started")
            return
        }
        guard case .cannotStart = await AlertHook.run([], input: [], key: nil, environment: env) else {
            Issue.record("an empty argv started")
            return
        }
    }

    @Test func aHookThatDoesNotReadItsInputStillSucceeds() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hook = try script("exit 0", in: dir)
        // More than a pipe holds: the write meets a closed pipe (EPIPE, no SIGPIPE to end us).
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(await AlertHook.run([hook], input: big, key: nil, environment: ["PATH": "/usr/bin:/bin"]) == .succeeded)
    }

    @Test func theProgramIsFoundInPathAndTildeExpands() async throws {
        #expect(await AlertHook.run(["true"], input: [], key: nil, environment: ["PATH": "/usr/bin:/bin"]) == .succeeded)
        #expect(AlertHook.expandingTilde("~/bin/page-me") == NSHomeDirectory() + "/bin/page-me")
        #expect(AlertHook.expandingTilde("/bin/page-me") == "/bin/page-me")
    }

    @Test func terminalBytesAreABellAndTwoNotificationsWithoutControls() {
        var raised = [alert(1, .usagePercent, "al\u{1B}]0;x\u{07}ice")]
        var rules = AlertRules(thresholds: [.usagePercent: 90], bell: true)
        #expect(AlertOutputs.terminalBytes(raised, rules: rules) == [0x07])
        #expect(AlertOutputs.terminalBytes([], rules: rules).isEmpty)
        rules.bell = false
        rules.desktop = true
        let bytes = AlertOutputs.terminalBytes(raised, rules: rules)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}]9;proxylite-top alert (main): al]0;x"))
        #expect(text.contains("\u{07}\u{1B}]777;notify;proxylite-top alert (main);al]0;xice has used"))
        // Exactly two escapes and two bells: the ones that frame the sequences.
        #expect(bytes.filter { $0 == 0x1B }.count == 2 && bytes.filter { $0 == 0x07 }.count == 2)
        raised.append(alert(2, .spike, "bob"))
        #expect(AlertOutputs.notificationText(raised).title == "proxylite-top: 2 alerts (main)")
        #expect(AlertOutputs.notificationText(raised).body.hasSuffix("(and 1 more)"))
    }

    @Test func sendRunsTheHookOnlyWhenSomethingWasRaised() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("ran").path
        let hook = try script("cat > \"$1\"", in: dir)
        let rules = AlertRules(thresholds: [.usagePercent: 90], bell: true, exec: [hook, out])
        let nothing = await AlertOutputs.send([], rules: rules, key: nil, environment: ["PATH": "/usr/bin:/bin"])
        #expect(nothing.hook == nil && nothing.terminal.isEmpty && nothing.outputs.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
        let sent = await AlertOutputs.send(
            [alert(1, .usagePercent, "alice")], rules: rules, key: nil, environment: ["PATH": "/usr/bin:/bin"])
        #expect(sent.hook == .succeeded && sent.outputs == ["exec", "bell"] && sent.terminal == [0x07])
        #expect(FileManager.default.fileExists(atPath: out))
    }
}

/// Writes an executable file through a close-on-exec descriptor: a program another test starts
/// meanwhile must not inherit it open for writing, or running the file fails with ETXTBSY.
func writeScript(_ text: String, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
}
