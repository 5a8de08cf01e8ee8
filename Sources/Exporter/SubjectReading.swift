/// The kinds of subject that have series of their own, each with its families in a fixed order.
enum SubjectKind: Sendable, Hashable {
    case account, staticIP, package
    /// The profile's account-wide totals: one subject per profile, whatever the cardinality.
    case traffic

    var families: [MetricFamily] {
        switch self {
        case .account: Self.accountFamilies
        case .staticIP: [.staticIPExpiry]
        case .package: [.packageExpiry]
        case .traffic: Self.trafficFamilies
        }
    }

    private static let accountFamilies: [MetricFamily] = [
        .accountUsage, .accountLimit, .accountRate, .accountSecondsToLimit, .accountEnabled,
    ]
    private static let trafficFamilies: [MetricFamily] = [
        .trafficTotal, .trafficLeft, .trafficEffectiveTotal, .trafficEffectiveUsed, .trafficExpiring, .trafficExpired, .trafficUsed,
    ]
}

/// Names one subject's series: its profile, its kind and the value of its subject label.
struct SubjectKey: Sendable, Hashable {
    let profile: String
    let kind: SubjectKind
    /// The username, IP or package id; empty for the account-wide totals.
    let id: String

    /// The label pairs of its series, `profile` first (the registry tells series apart by the
    /// pairs in order, so the order must never vary).
    func labels(_ family: MetricFamily) -> [(String, String)] {
        guard let subjectLabel = family.subjectLabel else { return [("profile", profile)] }
        return [("profile", profile), (subjectLabel, id)]
    }
}

/// What one subject's series should read now.
struct SubjectReading: Sendable {
    let key: SubjectKey
    /// One per family of the key's kind, in that order; nil where the series must be absent.
    let values: [Double?]

    init(key: SubjectKey, values: [Double?]) {
        precondition(values.count == key.kind.families.count, "one value per family of \(key.kind)")
        // A value that is not a number says nothing a graph or an alert could use.
        self.key = key
        self.values = values.map { value in value.flatMap { $0.isFinite ? $0 : nil } }
    }
}
