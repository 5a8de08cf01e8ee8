import Foundation
import NIOCore
import ProxyLiteSimulator
import TestSupport
import Testing

@testable import ProxyLiteAPI

/// The account list read as it arrives gives what the one-pass reader gives for the whole answer,
/// however the answer is cut into pieces; anything it cannot vouch for it hands back whole, or
/// asks for again.
@Suite struct AccountListStreamTests {
    /// `json` fed in pieces of `size` bytes (0: in one piece), as an answer with `status`.
    static func stream(_ json: String, pieces size: Int, status: Int = 200) -> AccountListStream.Outcome {
        let bytes = Array(json.utf8)
        var stream = AccountListStream(providerOffset: 8 * 3600)
        stream.start(status: status, length: bytes.count)
        var at = 0
        repeat {
            let end = size == 0 ? bytes.count : min(bytes.count, at + size)
            stream.append(ByteBuffer(bytes: bytes[at..<end]))
            at = end
        } while at < bytes.count
        return stream.finish()
    }

    static func scanned(_ json: String) -> [SubAccount]? {
        Array(json.utf8).withUnsafeBytes { AccountListScanner.scan($0, providerOffset: 8 * 3600) }
    }

    static let pieces = [1, 2, 7, 64, 0]

    @Test(arguments: [
        #"{"code":200,"msg":"string","data":{"list":[{"id":0,"username":"string","password":"string","created_at":"string","remark":"string","product_type":9,"usage_flow":0,"limit_flow":102400,"status":0}]}}"#,
        #"{"code":"200","msg":"ok","data":{"list":[{"id":"7","username":12345,"usage_flow":"1024","limit_flow":"5","status":"1","product_type":"14","extra":{"x":[1,{"y":null}]}},{"username":"bare"}]}}"#,
        #"{ "msg" : "ok" , "data" : { "other": [1,2], "list" : [ { "username" : "a\"b\\c\/d\u4ee3\ud83d\udc4d", "remark": null, "created_at": "2022-05-13 12:14:15", "usage_flow": 1.5e3, "status": true } ] } , "code" : 200 }"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"z","created_at":"2019-08-24T14:15:22Z","limit_flow":"","usage_flow":null}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[ ]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"usage_flow":"lots"}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a","remark":{"x":[1]}},{"username":{"y":1},"created_at":[],"status":{}}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a","usage_flow":"1e30","limit_flow":-5,"created_at":"2026-13-45 10:00:00"},{"username":"b","usage_flow":"9223372036854775807","created_at":"2199-01-01 00:00:00","status":"NaN"},{"username":"c","usage_flow":"Infinity","limit_flow":"1e999","id":"x"}]}}"#,
        // Brackets, braces, colons and the words themselves inside strings are text, not nesting.
        #"{"msg":"\"data\":{\"list\":[ ]} [{","code":200,"data":{"note":"list","list":[{"username":"u]1","remark":"},{\"list\":[","password":"p\\"}]}}"#,
        // CJK, emoji and a ZWJ sequence cut anywhere between their bytes.
        #"{"code":200,"data":{"list":[{"username":"k1","remark":"电商爬虫 👩‍💻 Zu\u0308rich"},{"username":"k2","remark":"数据采集-东京"}]},"msg":"成功"}"#,
    ])
    func givesWhatTheWholeAnswerGives(json: String) throws {
        let whole = try #require(Self.scanned(json))
        for size in Self.pieces {
            guard case .accounts(let accounts) = Self.stream(json, pieces: size) else {
                Issue.record("not read in \(size)-byte pieces: \(json)")
                continue
            }
            #expect(accounts == whole, "in \(size)-byte pieces")
        }
    }

    /// Cut in two at every place: the same accounts (an element split anywhere, an escape split
    /// from what it escapes, the list's `]` at a chunk's start).
    @Test func givesTheSameAccountsCutInTwoAnywhere() throws {
        let json =
            #"{"code":"200","msg":"ok","data":{"list":[ {"username":"k\"1","remark":"电商 👩‍💻","usage_flow":"1024"} , {"username":"k2","extra":[1,{"a":"]"}]},{"username":"k3"} ]},"z":1}"#
        let whole = try #require(Self.scanned(json))
        #expect(whole.count == 3)
        let bytes = Array(json.utf8)
        for cut in 0...bytes.count {
            var stream = AccountListStream(providerOffset: 8 * 3600)
            stream.start(status: 200, length: bytes.count)
            stream.append(ByteBuffer(bytes: bytes[..<cut]))
            stream.append(ByteBuffer(bytes: bytes[cut...]))
            guard case .accounts(let accounts) = stream.finish() else {
                Issue.record("not read when cut at \(cut)")
                continue
            }
            #expect(accounts == whole, "cut at \(cut)")
        }
    }

    /// No list found: the answer is kept whole, byte for byte, for the slower reader.
    @Test(arguments: [
        #"{"code":3,"msg":"app_key 无效","data":null}"#,
        #"{"code":200,"msg":"ok","data":null}"#,
        #"{"code":200,"msg":"ok","data":[]}"#,
        #"<html>502</html>"#,
        #"{"code":200,"msg":"ok","data":{"d":{"list":[{"username":"deeper"}]}}}"#,
        #"{"code":200,"msg":"ok","d\u0061ta":{"list":[{"username":"escaped key"}]}}"#,
        #"[{"data":{"list":[{"username":"root is a list"}]}}]"#,
        #"]]}{{[{"data":{"list":[{"username":"more closed than opened"}]}}"#,
    ])
    func keepsAnAnswerWithoutAListWhole(json: String) {
        for size in Self.pieces {
            guard case .whole(let buffer) = Self.stream(json, pieces: size) else {
                Issue.record("not kept whole in \(size)-byte pieces: \(json)")
                continue
            }
            #expect(Array(buffer.readableBytesView) == Array(json.utf8))
        }
    }

    @Test func keepsAnAnswerThatIsNoSuccessWhole() {
        let json = #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}]}}"#
        guard case .whole(let buffer) = Self.stream(json, pieces: 5, status: 502) else {
            Issue.record("a 502's body was read as a list")
            return
        }
        #expect(Array(buffer.readableBytesView) == Array(json.utf8))
    }

    /// Read in part, then odd: the scanner would not take the whole, or would take something else.
    @Test(arguments: [
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"},null]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"},]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[,{"username":"a"}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"} {"username":"b"}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}],"list":[]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}]},"data":{"list":[{"username":"b"}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}]},"data":null}"#,
        #"{"code":0,"msg":"no","data":{"list":[{"username":"a"}]}}"#,
        #"{"code":200,"data":{"list":[{"username":"a"}]}} trailing"#,
        // A second list or data under a key spelled with an escape: the scanner reads the last.
        #"{"code":200,"data":{"list":[{"username":"a"}],"l\u0069st":[]}}"#,
        #"{"code":200,"data":{"list":[{"username":"a"}]},"d\u0061ta":{"list":[{"username":"b"}]}}"#,
        #"{"code":200,"data":{"list":[{"username":"a"}],"\u006c\u0069\u0073\u0074":[{"username":"b"}]}}"#,
    ])
    func asksAgainForWhatItCannotVouchFor(json: String) {
        #expect(Self.scanned(json) == nil || json.contains(#"st":[]"#) || json.contains(#""username":"b""#))
        for size in Self.pieces {
            guard case .askAgain = Self.stream(json, pieces: size) else {
                Issue.record("not refused in \(size)-byte pieces: \(json)")
                continue
            }
        }
    }

    /// Cut off, or brackets that do not close: not JSON, and not asked for again out of turn.
    @Test(arguments: [
        #"{"code":200,"msg":"ok","data":{"list":[{"id":1,"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"},{"username":"b"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}]}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"}}]}]}}"#,
        #"{"code":200,"msg":"ok","data":{"list":[{"username":"a"},null,{"username":"b"#,
    ])
    func refusesWhatIsNotJSON(json: String) {
        for size in Self.pieces {
            guard case .notJSON = Self.stream(json, pieces: size) else {
                Issue.record("not refused as cut off in \(size)-byte pieces: \(json)")
                continue
            }
        }
    }

    /// Every answer cut off: each poll fails with a decoding error, after one request.
    @Test func aCutOffListIsADecodingErrorAfterOneRequest() async throws {
        var faults = FaultPlan()
        faults.malformedRate = 1
        try await withSimulator(testWorld(accounts: 40, faults: faults)) { simulator, client in
            for attempt in 1...3 {
                let error = await #expect(throws: ProxyLiteError.self) { try await client.accounts() }
                #expect(error?.code == .decoding, "\(String(describing: error))")
                #expect(simulator.requestCounts[Endpoint.accountList.path] == attempt)
            }
        }
    }

    /// Over HTTP, on the benchmark world (strings for numbers, CJK, emoji, ZWJ, hostile values):
    /// the streamed list equals the whole answer read in one pass, with one request.
    @Test func readsTheBenchmarkWorldAsTheWholeAnswerReads() async throws {
        var world = SimulatorConfiguration.benchmarkWorld(seed: 14, accounts: 3_000)
        world.appKey = testKey
        world.faults.hostileRows = 0.01
        try await withSimulator(world) { simulator, client in
            let streamed = try await client.accounts()
            #expect(simulator.requestCounts[Endpoint.accountList.path] == 1)
            let (status, whole) = try await client.exchange(.accountList, query: [:], body: [], into: WholeBody())
            #expect(status == 200)
            let scanned = try #require(whole.buffer.withUnsafeReadableBytes { AccountListScanner.scan($0, providerOffset: 8 * 3600) })
            #expect(scanned.count == 3_000)
            #expect(streamed.count == 3_000)
            #expect(streamed.map(\.username) == scanned.map(\.username))
            #expect(streamed.map(\.remark) == scanned.map(\.remark) && streamed.map(\.createdAt) == scanned.map(\.createdAt))
            #expect(streamed.map(\.unreadable) == scanned.map(\.unreadable))
            #expect(streamed.contains { !$0.unreadable.isEmpty })
        }
    }

    /// A `null` row: the list is asked for again and read whole, keeping every row (the null as an
    /// unreadable one), as the decoder reads it.
    @Test func aListItCannotVouchForIsAskedForAgainAndReadWhole() async throws {
        var faults = FaultPlan()
        faults.nullAccountRow = true
        try await withSimulator(testWorld(accounts: 12, faults: faults)) { simulator, client in
            let accounts = try await client.accounts()
            #expect(simulator.requestCounts[Endpoint.accountList.path] == 2)
            #expect(accounts.count == 13)
            #expect(accounts[1].unreadable.names == ["row"] && !accounts[1].hasIdentity)
            #expect(accounts[0].hasIdentity && accounts[2].hasIdentity)
            let (_, whole) = try await client.exchange(.accountList, query: [:], body: [], into: WholeBody())
            let decoded = try client.decode(
                ListPayload<SubAccount>.self, from: Data(whole.buffer.readableBytesView), status: 200, endpoint: .accountList)
            // Usage grows between the two asks: the rows, not their usage, must agree.
            #expect(accounts.map(\.username) == decoded.list.map(\.username))
            #expect(accounts.map(\.unreadable) == decoded.list.map(\.unreadable))
            #expect(accounts.map(\.createdAt) == decoded.list.map(\.createdAt))
            // The next lists are read whole at once: one request a poll, not two; then the stream
            // is tried again.
            for _ in 0..<ProxyLiteClient.wholeListsAfterOdd {
                let before = simulator.requestCounts[Endpoint.accountList.path] ?? 0
                #expect(try await client.accounts().count == 13)
                #expect(simulator.requestCounts[Endpoint.accountList.path] == before + 1)
            }
            let before = simulator.requestCounts[Endpoint.accountList.path] ?? 0
            #expect(try await client.accounts().count == 13)
            #expect(simulator.requestCounts[Endpoint.accountList.path] == before + 2)
        }
    }
}
