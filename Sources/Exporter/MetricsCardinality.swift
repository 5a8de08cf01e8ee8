import Foundation

/// How many subjects (accounts, static IPs, packages) get series of their own, per profile.
///
/// Every series is a time series Prometheus stores for weeks: 100 000 accounts with five
/// metrics each is half a million of them, so the default keeps only the ones worth watching.
public enum MetricsCardinality: Sendable, Hashable, CustomStringConvertible {
    /// The first N of each kind: the accounts with the highest usage; the static IPs and the
    /// packages that expire soonest (see `SubjectSelection`).
    case top(Int)
    /// Every subject.
    case all
    /// No per-subject series: the account-wide traffic and the API's health only.
    case none

    public static let `default` = MetricsCardinality.top(100)

    /// Reads "100", "all" or "none", as the command line and the config give it.
    public init(parsing text: String) throws(MetricsCardinalityError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "all": self = .all
        case "none": self = .none
        default:
            guard let count = Int(trimmed), count > 0 else { throw MetricsCardinalityError(text: text) }
            self = .top(count)
        }
    }

    public var description: String {
        switch self {
        case .top(let count): "\(count)"
        case .all: "all"
        case .none: "none"
        }
    }

    /// The most subjects of one kind that get series; nil for no bound.
    var limit: Int? {
        switch self {
        case .top(let count): max(0, count)
        case .all: nil
        case .none: 0
        }
    }
}

public struct MetricsCardinalityError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "metrics cardinality \"\(text)\" is not a positive whole number, \"all\" or \"none\" (e.g. 100: the 100 accounts with "
            + "the highest usage and the 100 static IPs and packages that expire soonest)"
    }
}
