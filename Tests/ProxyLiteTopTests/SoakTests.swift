import Foundation
import TestSupport
import Testing

/// Seven simulated hours of the real poller decisions, client, store and renderer against the
/// simulator, with an outage, 5xx pages and unreadable answers, run as the binary's own
/// `benchmark soak` (the test runner's own allocations would blur the heap figures);
/// `proxylite-top benchmark soak` runs 72 hours.
@Suite struct SoakTests {
    func numbers(_ label: String, in output: String) -> [Int] {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return [] }
        return line.dropFirst(label.count).split(separator: " ").compactMap { Int($0) }
    }

    func count(_ label: String, in output: String) -> Int {
        numbers(label, in: output).first ?? 0
    }

    @Test func sevenHoursStayFlatAndWithinThePollingPolicy() async throws {
        let result = try await runBinary(["benchmark", "soak", "--hours", "7"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = result.stdout
        // Memory: the first hours warm caches and level off; a leak keeps growing. So hours 3 to
        // 5 (each hour's lowest heap) add under 2 %, and RSS stays within 5 % of hour 1.
        let heap = numbers("heap bytes by hour", in: output)
        let resident = numbers("RSS bytes by hour", in: output)
        try #require(heap.count >= 5 && resident.count >= 5, "\(output)")
        #expect(Double(heap[4] - heap[2]) / Double(heap[2]) <= 0.02, "heap by hour \(heap)")
        #expect(Double(resident[4] - resident[0]) / Double(resident[0]) <= 0.05, "RSS by hour \(resident)")
        let descriptors = numbers("descriptors", in: output.replacingOccurrences(of: "→", with: " "))
        #expect(descriptors.count == 2 && descriptors[1] <= descriptors[0], "\(descriptors)")
        // Requests: the accounts list every 30 s (± jitter), less what backoff skipped in the outage.
        let accounts = count("requests whitelist-account/list", in: output)
        let policy = 7 * 3600 / 30
        #expect(accounts <= policy + policy / 10 && accounts >= policy * 8 / 10, "\(accounts) account polls for \(policy) intervals")
        let orders = count("requests order/list", in: output)
        #expect(orders <= 7 * 3600 / 120 * 11 / 10 && orders > 0, "\(orders) order polls")
        #expect(output.contains("failed polls           accounts"), "the faults were seen: \(output)")
        #expect(count("frames drawn", in: output) >= 7 * 60)
    }
}
