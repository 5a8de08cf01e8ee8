import Foundation
import ProxyLiteAPI

/// The static IPs' and packages' series: seconds until each expires.
///
/// With a bound, the ones that expire soonest are chosen; those already expired come after
/// every one still to expire, the most recently expired first. So a list that keeps years of
/// lapsed IPs or packages does not crowd out the ones about to lapse, and with room to spare
/// the recently expired still show (negative), which is what renewing late needs.
enum ExpiryReadings {
    static func staticIPs(_ ips: [StaticIP], profile: String, limit: Int?, now: Date) -> [SubjectReading] {
        if limit == 0 { return [] }
        return readings(
            ips.map { ip in
                let readable = ip.hasIdentity && !ip.unreadable.contains("expired_at") && !ip.unreadable.contains("expire_at")
                return readable ? ip.expiresAt.map { (key: ip.ip, expiresAt: $0) } : nil
            }, kind: .staticIP, profile: profile, limit: limit, now: now)
    }

    /// A package is named by its id: the trade number is the order's, which can hold several.
    static func packages(_ packages: [PurchasedPackage], profile: String, limit: Int?, now: Date) -> [SubjectReading] {
        if limit == 0 { return [] }
        return readings(
            packages.map { package in
                let readable = package.hasIdentity && !package.unreadable.contains("expired_at")
                return readable ? package.expiresAt.map { (key: String(package.id), expiresAt: $0) } : nil
            }, kind: .package, profile: profile, limit: limit, now: now)
    }

    private struct Rank: Comparable {
        let expired: Bool
        /// Seconds from now, made positive for the expired so that the most recent ranks first.
        let distance: Double

        static func < (a: Rank, b: Rank) -> Bool { a.expired != b.expired ? !a.expired : a.distance < b.distance }
    }

    private static func readings(
        _ subjects: [(key: String, expiresAt: Date)?], kind: SubjectKind, profile: String, limit: Int?, now: Date
    ) -> [SubjectReading] {
        var candidates: [SubjectSelection.Candidate<Rank>] = []
        candidates.reserveCapacity(subjects.count)
        for subject in subjects {
            guard let subject else { continue }
            let seconds = subject.expiresAt.timeIntervalSince(now)
            let rank = Rank(expired: seconds < 0, distance: abs(seconds))
            candidates.append(.init(key: subject.key, rank: rank, index: candidates.count))
        }
        return SubjectSelection.pick(candidates, limit: limit).map { chosen in
            let rank = candidates[chosen.index].rank
            let seconds = rank.expired ? -rank.distance : rank.distance
            return SubjectReading(key: SubjectKey(profile: profile, kind: kind, id: chosen.key), values: [seconds])
        }
    }
}
