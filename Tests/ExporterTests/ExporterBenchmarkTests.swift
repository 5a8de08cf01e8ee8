import Testing

@testable import Exporter

/// The scrape benchmark runs and counts what it made (its figures at 100 000 accounts are in
/// the closing note; here only that it measures the three settings sensibly, at a small size).
@Suite struct ExporterBenchmarkTests {
    @Test func eachSettingIsMeasured() {
        let none = ExporterBenchmark.run(accounts: 2000, cardinality: .none)
        let top = ExporterBenchmark.run(accounts: 2000, cardinality: .top(100))
        let all = ExporterBenchmark.run(accounts: 2000, cardinality: .all)
        #expect(none.series == 7)
        #expect(top.series > 300 && top.series <= 7 + 100 * 5 + 100 + 100)
        #expect(all.series > 2000 * 3 + 1000 && all.series <= 7 + 2000 * 5 + 1000 + 100)
        #expect(none.expositionBytes < top.expositionBytes && top.expositionBytes < all.expositionBytes)
        #expect((none.staticIPs, none.packages) == (1000, 100))
        for result in [none, top, all] {
            #expect(result.firstScrapeSeconds > 0 && result.secondScrapeSeconds > 0)
            #expect(result.residentBefore != nil && result.peakAfter != nil)
            #expect(result.description.contains("cardinality \(result.cardinality)"))
        }
    }
}
