import Testing

@testable import Exporter

/// `--metrics-cardinality` and `--metrics-listen` as a user types them.
@Suite struct ParsingTests {
    @Test func cardinalityReadsNumbersAllAndNone() throws {
        #expect(try MetricsCardinality(parsing: "100") == .top(100))
        #expect(try MetricsCardinality(parsing: " 5 ") == .top(5))
        #expect(try MetricsCardinality(parsing: "all") == .all)
        #expect(try MetricsCardinality(parsing: "ALL") == .all)
        #expect(try MetricsCardinality(parsing: "none") == .none)
        #expect(MetricsCardinality.default == .top(100))
        #expect(MetricsCardinality.top(100).description == "100")
    }

    @Test(arguments: ["", "0", "-3", "ten", "10.5", "top100", "1e3"])
    func cardinalityRefusesOtherText(_ text: String) {
        #expect(throws: MetricsCardinalityError.self) { try MetricsCardinality(parsing: text) }
        let message = MetricsCardinalityError(text: text).description
        #expect(message.contains("\"\(text)\"") && message.contains("\"all\"") && message.contains("\"none\""))
    }

    @Test func listenReadsHostAndPort() throws {
        let v4 = try MetricsListen(parsing: "127.0.0.1:9464")
        #expect(v4.host == "127.0.0.1" && v4.port == 9464 && v4.isLoopback)
        let v6 = try MetricsListen(parsing: "[::1]:9464")
        #expect(v6.host == "::1" && v6.port == 9464 && v6.isLoopback && v6.description == "[::1]:9464")
        let name = try MetricsListen(parsing: "localhost:0")
        #expect(name.host == "localhost" && name.port == 0 && name.isLoopback)
        let any = try MetricsListen(parsing: "0.0.0.0:9464")
        #expect(!any.isLoopback && any.description == "0.0.0.0:9464")
        #expect(try MetricsListen(parsing: "[::]:9464").isLoopback == false)
        #expect(try MetricsListen(parsing: "monitor.example.com:9464").isLoopback == false)
    }

    @Test(arguments: [
        ("127.0.0.1:1", true), ("127.255.0.9:1", true), ("128.0.0.1:1", false), ("10.0.0.1:1", false),
        ("[::ffff:127.0.0.1]:1", true), ("[::ffff:10.0.0.1]:1", false), ("[::2]:1", false), ("LOCALHOST:1", true),
        ("localhost.example.com:1", false),
    ])
    func loopbackIsThisMachineOnly(_ text: String, _ loopback: Bool) throws {
        #expect(try MetricsListen(parsing: text).isLoopback == loopback)
    }

    @Test(arguments: [
        ("127.0.0.1", MetricsListenError.missingPort("127.0.0.1")),
        (":9464", .missingHost(":9464")),
        ("127.0.0.1:", .badPort("127.0.0.1:")),
        ("127.0.0.1:65536", .badPort("127.0.0.1:65536")),
        ("127.0.0.1:+80", .badPort("127.0.0.1:+80")),
        ("127.0.0.1:http", .badPort("127.0.0.1:http")),
        ("::1:9464", .unbracketedIPv6("::1:9464")),
        ("[::1:9464", .unclosedBracket("[::1:9464")),
        ("[::1]9464", .missingPort("[::1]9464")),
        ("[localhost]:9464", .notIPv6("[localhost]:9464")),
        ("http://x/:9464", .badHost("http://x/:9464")),
    ])
    func listenRefusesWithAReason(_ text: String, _ error: MetricsListenError) {
        #expect(throws: error) { try MetricsListen(parsing: text) }
        #expect(error.description.contains("\"\(text)\""))
    }
}
