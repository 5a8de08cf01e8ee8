import Prometheus

/// The registries the per-subject gauges live in: one per family and shard, each family's
/// shards emitted one after another under a single HELP and TYPE.
///
/// Why not one registry: swift-prometheus 2.4.1 keeps a family's series in one dictionary that
/// it copies whole to add or remove one series, so filling a family of n series costs O(n²)
/// (measured: 40 000 accounts took minutes to register; 100 000 would take hours). Spread over
/// `shardCount` registries, a family of n costs n²/shardCount; a subject's shard comes from
/// its labels, so it stays put from scrape to scrape.
struct FamilyShards: Sendable {
    let shardCount: Int
    private var registries: [ShardKey: PrometheusCollectorRegistry] = [:]

    private struct ShardKey: Hashable, Sendable {
        let family: String
        let shard: Int
    }

    /// Up to about 256 series of a family per shard at the cardinality's bound, 1 024 shards at most.
    init(cardinality: MetricsCardinality) {
        switch cardinality {
        case .all: shardCount = 1024
        case .top(let count): shardCount = min(1024, max(1, count / 256))
        case .none: shardCount = 1
        }
    }

    mutating func makeGauge(_ family: MetricFamily, for key: SubjectKey) -> Gauge {
        let shardKey = ShardKey(family: family.name, shard: shard(of: key))
        let registry = registries[shardKey] ?? PrometheusCollectorRegistry()
        registries[shardKey] = registry
        return registry.makeGauge(descriptor: family.descriptor, labels: key.labels(family))
    }

    func unregister(_ gauge: Gauge, _ family: MetricFamily, for key: SubjectKey) {
        registries[ShardKey(family: family.name, shard: shard(of: key))]?.unregisterGauge(gauge)
    }

    /// Appends `families` in this order, each as one group: the first shard that has series
    /// gives the HELP and TYPE lines, the later ones only their samples.
    func emit(_ families: [MetricFamily], into buffer: inout [UInt8]) {
        var scratch: [UInt8] = []
        for family in families {
            var headerWritten = false
            for shard in 0..<shardCount {
                guard let registry = registries[ShardKey(family: family.name, shard: shard)] else { continue }
                scratch.removeAll(keepingCapacity: true)
                registry.emit(into: &scratch)
                guard !scratch.isEmpty else { continue }
                if headerWritten {
                    buffer.append(contentsOf: scratch[Self.samplesStart(scratch)...])
                } else {
                    buffer.append(contentsOf: scratch)
                    headerWritten = true
                }
            }
        }
    }

    /// Where the samples begin: after the leading comment lines (HELP, TYPE). A sample line
    /// never starts with `#`, since it starts with the metric's name.
    static func samplesStart(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return bytes.count }
            index = newline + 1
        }
        return index
    }

    private func shard(of key: SubjectKey) -> Int {
        guard shardCount > 1 else { return 0 }
        // Hasher's seed changes between runs of the program, not within one, which is all the
        // registries (which live as long as the program) need.
        var hasher = Hasher()
        hasher.combine(key.profile)
        hasher.combine(key.id)
        return Int(UInt(bitPattern: hasher.finalize()) % UInt(shardCount))
    }
}
