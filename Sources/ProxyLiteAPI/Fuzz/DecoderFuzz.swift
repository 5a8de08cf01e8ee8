import Foundation
import NIOCore

/// Runs every decoder of the client over one input, as the client would on an answer: the
/// account-list scanner, the envelope, and each model's Decodable behind it. Decoders may refuse
/// an input (that is their job); none may trap. After decoding, the values go through what the
/// screens do with them (dates formatted, byte counts summed), where an overflow would trap too.
public enum DecoderFuzz {
    /// What one input came to, for the run's tally.
    public struct Outcome: Sendable {
        /// Decoders that read the input (the rest refused it).
        public var accepted = 0
        public var rows = 0
        public var unreadableValues = 0
    }

    public static func decodeAll(_ input: [UInt8]) -> Outcome {
        var outcome = Outcome()
        let offset = 8 * 3600
        let scanned = input.withUnsafeBytes { AccountListScanner.scan($0, providerOffset: offset) }
        if let accounts = scanned {
            outcome.accepted += 1
            outcome.rows += accounts.count
            touch(accounts.map(\.createdAt), accounts.map(\.usageBytes))
        }
        // Read as it arrives, in uneven pieces: the accounts of the whole answer, or none.
        var stream = AccountListStream(providerOffset: offset)
        stream.start(status: 200, length: input.count)
        var at = 0
        while at < input.count {
            let end = min(input.count, at + 1 + (at * 7 + input.count) % 97)
            stream.append(ByteBuffer(bytes: input[at..<end]))
            at = end
        }
        if case .accounts(let streamed) = stream.finish() {
            precondition(streamed == scanned, "the account list read as it arrives differs from the whole answer's")
        }
        let data = Data(input)
        let decoder = JSONDecoder()
        decoder.userInfo[.providerOffset] = offset
        func run<Payload: APIPayload>(_: Payload.Type, _ use: (Payload) -> Void) {
            guard let envelope = try? decoder.decode(Envelope<Payload>.self, from: data) else { return }
            outcome.accepted += 1
            if let payload = envelope.payload { use(payload) }
        }
        run(ListPayload<SubAccount>.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count }
            touch(page.list.map(\.createdAt), page.list.map(\.usageBytes) + page.list.compactMap(\.limitBytes))
        }
        run(SizedPage<StaticIP>.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count }
            for ip in page.list { _ = ip.maskedRaw.serialized() }
            touch(page.list.map(\.expiresAt) + page.list.map(\.createdAt), [])
        }
        run(OrderPage.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count }
            touch(page.list.map(\.createdAt) + page.list.map(\.paidAt), [])
            for order in page.list { _ = order.refundText }
        }
        run(SizedPage<PurchasedPackage>.self) { page in
            outcome.rows += page.list.count
            touch(page.list.map(\.expiresAt) + page.list.map(\.createdAt), [])
        }
        run(ListPayload<DailyFlow>.self) { page in
            outcome.rows += page.list.count
            touch([], page.list.map(\.bytes))
        }
        run(PackageSummary.self) { touch([], [$0.totalBytes, $0.usedBytes, $0.effectiveBytes, $0.expiringBytes]) }
        run(ListPayload<JSONValue>.self) { page in for item in page.list { _ = item.maskingSecrets().serialized() } }
        run(ListPayload<WhitelistIP>.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count }
            touch(page.list.map(\.createdAt), [])
        }
        run(ArrayPayload<Product>.self) { page in
            outcome.rows += page.items.count
            outcome.unreadableValues += page.items.reduce(0) { $0 + $1.unreadable.count }
            for product in page.items { _ = (product.preferredPrice, product.preferredPriceIsUnreadable, product.stockText) }
        }
        run(ListPayload<PaymentGroup>.self) { outcome.rows += $0.list.count }
        run(ListPayload<CountryRegions>.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count + $1.items.reduce(0) { $0 + $1.unreadable.count } }
        }
        run(ListPayload<RegionStock>.self) { page in
            outcome.rows += page.list.count
            outcome.unreadableValues += page.list.reduce(0) { $0 + $1.unreadable.count }
        }
        run(RegionListV4<RegionV4>.self) { outcome.rows += $0.list.count }
        run(RegionListV4<AreaV4>.self) { outcome.rows += $0.list.count }
        run(OrderCheckResult.self) { check in
            outcome.unreadableValues += check.unreadable.count + check.ipPrices.reduce(0) { $0 + $1.unreadable.count }
            touch(check.ipPrices.map(\.currentExpiry) + check.ipPrices.map(\.renewedExpiry), [])
        }
        run(NoContent.self) { _ in }
        if (try? decoder.decode(EnvelopeHead.self, from: data)) != nil { outcome.accepted += 1 }
        if let raw = try? decoder.decode(JSONValue.self, from: data) { _ = raw.serialized() }
        return outcome
    }

    /// What the screens and `snapshot` do with dates and byte counts.
    private static func touch(_ dates: [Date?], _ bytes: [Int64]) {
        for date in dates.compactMap({ $0 }) {
            _ = APIDate.providerString(date, offset: 8 * 3600)
            _ = APIDate.isoString(date)
            _ = date.isNever
        }
        _ = bytes.saturatingSum()
    }

    /// A run's tally.
    public struct Report: Sendable {
        public var mutations: UInt64 = 0
        public var accepted: UInt64 = 0
        public var rows: UInt64 = 0
        public var unreadableValues: UInt64 = 0
        public var seconds: Double = 0
        public var perSecond: Double { seconds > 0 ? Double(mutations) / seconds : 0 }
    }

    /// Runs inputs `first`, `first + 1` … of `mutator` until `count` have run or `keepGoing` says stop
    /// (asked every 256 inputs). A trap ends the process: the last progress line names the input.
    public static func run(
        _ mutator: FuzzMutator, first: UInt64 = 0, count: UInt64 = .max, keepGoing: (Report) -> Bool = { _ in true }
    ) -> Report {
        var report = Report()
        let start = ContinuousClock.now
        var n = first
        while report.mutations < count {
            let outcome = decodeAll(mutator.input(n))
            report.mutations += 1
            report.accepted += UInt64(outcome.accepted)
            report.rows += UInt64(outcome.rows)
            report.unreadableValues += UInt64(outcome.unreadableValues)
            n += 1
            if report.mutations % 256 == 0 {
                report.seconds = (ContinuousClock.now - start) / .seconds(1)
                if !keepGoing(report) { break }
            }
        }
        report.seconds = (ContinuousClock.now - start) / .seconds(1)
        return report
    }
}
