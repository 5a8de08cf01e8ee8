import Prometheus

/// The per-subject gauges, brought in line with the newest readings at each scrape: a gauge is
/// made for a series that appears, set for one that stays, and unregistered for one that goes
/// (its subject left the account, fell out of the top N, or its value became unreadable), so
/// that the registries hold exactly what the last scrape showed.
///
/// A value the exporter keeps under its scrape lock, so that two scrapes cannot interleave.
struct SeriesBook: Sendable {
    private var shards: FamilyShards
    /// Each subject's gauges, one slot per family of its kind (nil: the series is absent).
    private var live: [SubjectKey: [Gauge?]] = [:]

    /// Every family, in the order of the exposition.
    static let families: [MetricFamily] = [SubjectKind.traffic, .account, .staticIP, .package].flatMap(\.families)

    init(cardinality: MetricsCardinality) {
        shards = FamilyShards(cardinality: cardinality)
    }

    /// How many series the book holds now.
    var seriesCount: Int { live.values.reduce(0) { $0 + $1.lazy.compactMap { $0 }.count } }

    mutating func sync(_ readings: [SubjectReading]) {
        var next: [SubjectKey: [Gauge?]] = [:]
        next.reserveCapacity(readings.count)
        for reading in readings {
            let families = reading.key.kind.families
            var gauges = live.removeValue(forKey: reading.key) ?? Array(repeating: nil, count: families.count)
            for (slot, family) in families.enumerated() {
                switch (reading.values[slot], gauges[slot]) {
                case (let value?, let gauge?):
                    gauge.set(to: value)
                case (let value?, nil):
                    let gauge = shards.makeGauge(family, for: reading.key)
                    gauge.set(to: value)
                    gauges[slot] = gauge
                case (nil, let gauge?):
                    shards.unregister(gauge, family, for: reading.key)
                    gauges[slot] = nil
                case (nil, nil):
                    break
                }
            }
            next[reading.key] = gauges
        }
        // What is left was not read this time: its subject is gone or no longer chosen.
        for (key, gauges) in live {
            for (slot, family) in key.kind.families.enumerated() {
                if let gauge = gauges[slot] { shards.unregister(gauge, family, for: key) }
            }
        }
        live = next
    }

    func emit(into buffer: inout [UInt8]) {
        shards.emit(Self.families, into: &buffer)
    }
}
