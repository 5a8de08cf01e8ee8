import AsyncHTTPClient
import Foundation
import NIOCore
import ProxyLiteAPI
import ProxyLiteSimulator
import TestSupport
import Testing

/// The short run of the decoder fuzzer (3 000 mutations, seconds in a debug build) (`proxylite-top benchmark fuzz-decoders` is the long one):
/// every decoder against seeded mutations of the reference's examples and of live simulator
/// answers, with and without quirks. Decoders may refuse an input; none may trap.
@Suite struct DecoderFuzzTests {
    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    func committedCorpus() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpusFolder.path).filter { $0.hasSuffix(".json") }
        return try names.sorted().map { Array(try Data(contentsOf: Self.corpusFolder.appendingPathComponent($0))) }
    }

    /// The list answers of a small simulator, as it sends them.
    func simulatorAnswers(quirks: Bool, hostile: Double) async throws -> [[UInt8]] {
        var faults = FaultPlan()
        faults.hostileRows = hostile
        return try await withSimulator(testWorld(accounts: 8, quirks: quirks, faults: faults)) { simulator, _ in
            var answers: [[UInt8]] = []
            for path in [
                "whitelist-account/list", "ip/get-static-ip?page=1&size=5", "order/list?page_no=1&page_size=5",
                "user-product/list?page=1&size=5", "user-product/summary", "user-usage-flow/total", "proxy-ip/list", "product",
            ] {
                let separator = path.contains("?") ? "&" : "?"
                let request = HTTPClientRequest(
                    url: simulator.baseURL.absoluteString + "/end-point/" + path + separator + "app_key=" + testKey)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                answers.append(Array(buffer: try await response.body.collect(upTo: 1 << 22)))
            }
            return answers
        }
    }

    @Test func threeThousandMutationsTrapNoDecoder() async throws {
        var corpus = try committedCorpus()
        #expect(corpus.count >= 40)
        corpus += try await simulatorAnswers(quirks: true, hostile: 0)
        corpus += try await simulatorAnswers(quirks: false, hostile: 0)
        corpus += try await simulatorAnswers(quirks: true, hostile: 0.5)
        let mutator = FuzzMutator(corpus: corpus, seed: 2026)
        let report = await onThread { DecoderFuzz.run(mutator, count: 3_000) }
        #expect(report.mutations == 3_000)
        // The mutations are not all refused: the fuzzer reaches the models, not only the parser.
        #expect(report.rows > 200 && report.unreadableValues > 20)
    }

    @Test func theMutatorRepeatsItselfForAGivenSeed() {
        let mutator = FuzzMutator(corpus: [Array(#"{"code":200,"data":{"list":[{"id":1}]}}"#.utf8)], seed: 9)
        #expect((0..<50).map(mutator.input) == (0..<50).map(mutator.input))
    }
}
