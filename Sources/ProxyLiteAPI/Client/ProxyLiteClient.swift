import AsyncHTTPClient
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A typed client for every endpoint of the ProxyLite API.
///
/// It owns authentication (`app_key` on every request: in the query for GET, in the JSON body and
/// the query for POST), a client-wide rate cap, per-request timeouts, tolerant decoding of the
/// envelope, and the mapping of every failure to a `ProxyLiteError` that never contains the key.
/// Redirects are never followed: a write re-sent to another origin would carry the key there.
/// The endpoint methods live in `ProxyLiteClient+<Group>.swift`, one per group of the reference.
///
/// ```swift
/// let client = ProxyLiteClient(configuration: .init(appKey: key))
/// let accounts = try await client.accounts()
/// ```
public final class ProxyLiteClient: Sendable {
    public struct Configuration: Sendable {
        public var profile: PlatformProfile
        public var appKey: AppKey?
        public var requestTimeout: Duration
        public var requestsPerSecond: Double
        public var burst: Int
        /// The most pages a paginated walk fetches before it stops, whatever the server claims.
        public var maxPages: Int
        /// The largest body read, so that a runaway server cannot exhaust memory.
        public var maxBodyBytes: Int
        /// The clock the rate cap reads and waits on; nil is real time. The soak benchmark passes
        /// its simulated clock, so the cap holds on simulated seconds.
        public var pacingClock: (any PacingClock)?
        /// A rate cap shared with other clients of the same API host (the profiles on it); when
        /// set, `requestsPerSecond`, `burst` and `pacingClock` are the shared cap's, not this client's.
        public var sharedLimiter: RateLimiter?

        public init(
            profile: PlatformProfile = .proxyLite, appKey: AppKey?,
            requestTimeout: Duration = .seconds(20), requestsPerSecond: Double = 2, burst: Int = 4,
            maxPages: Int = 2_000, maxBodyBytes: Int = 256 << 20, pacingClock: (any PacingClock)? = nil,
            sharedLimiter: RateLimiter? = nil
        ) {
            self.sharedLimiter = sharedLimiter
            self.profile = profile
            self.appKey = appKey
            self.requestTimeout = requestTimeout
            self.requestsPerSecond = requestsPerSecond
            self.burst = burst
            self.maxPages = maxPages
            self.maxBodyBytes = maxBodyBytes
            self.pacingClock = pacingClock
        }
    }

    public let configuration: Configuration
    /// The key in use: the configuration's until `replaceKey` (a key file changed on disk). Every
    /// key ever used stays scrubbed from errors.
    private let keys: NIOLockedValueBox<(current: AppKey?, retired: [AppKey])>
    private let http: HTTPClient
    private let limiter: RateLimiter
    let logger: Logger
    /// How many more account lists are read whole before reading one as it arrives again: one
    /// that could not be read so is asked for again, and a provider that sends such lists would
    /// otherwise cost two downloads every poll.
    let wholeAccountLists = NIOLockedValueBox(0)
    /// `wholeAccountLists` after a list that could not be read as it arrived (10 minutes of polls
    /// at the default 30 s).
    static let wholeListsAfterOdd = 20

    /// - Parameter httpClient: must not follow redirects (`HTTPClient.shared` does); the default doesn't.
    public init(configuration: Configuration, httpClient: HTTPClient = ProxyLiteClient.noRedirects, logger: Logger? = nil) {
        self.configuration = configuration
        self.keys = NIOLockedValueBox((configuration.appKey, []))
        self.http = httpClient
        self.limiter =
            configuration.sharedLimiter
            ?? RateLimiter(
                requestsPerSecond: configuration.requestsPerSecond, burst: configuration.burst,
                clock: configuration.pacingClock ?? ContinuousPacingClock())
        // Silent unless the caller passes a logger: the dashboard owns the terminal, and a default
        // handler would print over it.
        self.logger = logger ?? Logger(label: "proxylite.api", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The key requests carry now.
    public var currentKey: AppKey? { keys.withLockedValue { $0.current } }

    /// Uses `key` from the next request on (the key file was changed after a rejection).
    public func replaceKey(_ key: AppKey) {
        keys.withLockedValue { state in
            if let old = state.current, old != key { state.retired.append(old) }
            state.current = key
        }
    }

    /// A process-wide HTTP client that never follows a redirect (AsyncHTTPClient's shared one
    /// follows up to five, re-sending a POST body, key included, to wherever it is told).
    public static let noRedirects = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    // MARK: - Sending

    /// Sends one request and decodes its `data` as `Payload`.
    func send<Payload: APIPayload>(
        _ endpoint: Endpoint, query: [String: String?] = [:], body: [(String, JSONValue?)] = [],
        as: Payload.Type = Payload.self
    ) async throws -> Payload {
        let (status, buffer) = try await exchange(endpoint, query: query, body: body)
        // Decode straight from the response buffer: for 100 000 accounts a copy would be 20 MB more.
        return try buffer.withUnsafeReadableBytes { raw in
            let bytes =
                raw.baseAddress.map {
                    Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none)
                } ?? Data()
            return try decode(Payload.self, from: bytes, status: status, endpoint: endpoint)
        }
    }

    /// Sends one request and reads the answer with `scan` when it can, else decodes it as `Payload`.
    func send<Payload: APIPayload, Value>(
        _ endpoint: Endpoint, scan: (UnsafeRawBufferPointer, Int) -> Value?, orDecode: Payload.Type,
        _ extract: (Payload) -> Value
    ) async throws -> Value {
        let (status, buffer) = try await exchange(endpoint, query: [:], body: [])
        return try read(buffer, status: status, endpoint: endpoint, scan: scan, orDecode: Payload.self, extract)
    }

    /// Reads a whole answer with `scan` when it can, else decodes it as `Payload`.
    func read<Payload: APIPayload, Value>(
        _ buffer: ByteBuffer, status: Int, endpoint: Endpoint, scan: (UnsafeRawBufferPointer, Int) -> Value?,
        orDecode: Payload.Type, _ extract: (Payload) -> Value
    ) throws -> Value {
        let offset = configuration.profile.providerOffset
        if (200..<300).contains(status), let value = buffer.withUnsafeReadableBytes({ scan($0, offset) }) { return value }
        return extract(try decode(Payload.self, from: buffer, status: status, endpoint: endpoint))
    }

    /// Decodes straight from the response buffer: for 100 000 accounts a copy would be 20 MB more.
    private func decode<Payload: APIPayload>(
        _: Payload.Type, from buffer: ByteBuffer, status: Int, endpoint: Endpoint
    ) throws
        -> Payload
    {
        try buffer.withUnsafeReadableBytes { raw in
            let bytes =
                raw.baseAddress.map { Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: raw.count, deallocator: .none) }
                ?? Data()
            return try decode(Payload.self, from: bytes, status: status, endpoint: endpoint)
        }
    }

    /// Sends one request whose successful answer is plain text (ip/v3 with format=text);
    /// a JSON envelope in its place is read as the error it carries.
    func sendText(_ endpoint: Endpoint, query: [String: String?]) async throws -> String {
        let (status, buffer) = try await exchange(endpoint, query: query, body: [])
        let bytes = Data(buffer.readableBytesView)
        if !(200..<300).contains(status) {
            _ = try decode(NoContent.self, from: bytes, status: status, endpoint: endpoint)
        }
        if let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }),
            first == UInt8(ascii: "{")
        {
            _ = try decode(NoContent.self, from: bytes, status: status, endpoint: endpoint)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func exchange(
        _ endpoint: Endpoint, query: [String: String?], body: [(String, JSONValue?)]
    )
        async throws -> (Int, ByteBuffer)
    {
        let (status, sink) = try await exchange(endpoint, query: query, body: body, into: WholeBody())
        return (status, sink.buffer)
    }

    /// Sends one request and hands the answer's body, as it arrives, to `sink`.
    func exchange<Sink: BodySink>(
        _ endpoint: Endpoint, query: [String: String?], body: [(String, JSONValue?)], into sink: Sink
    )
        async throws -> (Int, Sink)
    {
        var items: [(String, String)] = query.compactMap { key, value in value.map { (key, $0) } }
            .sorted { $0.0 < $1.0 }
        var bodyMembers: [(String, JSONValue)] = body.compactMap { key, value in value.map { (key, $0) } }
        var request = HTTPClientRequest(url: "")
        request.method = endpoint.method == .get ? .GET : .POST
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "proxylite-top/0.1")
        // The reference's one scheme: app_key in the query, "supports GET/POST"; POST bodies list
        // it as well, so a POST carries it in both and a server reading either finds it.
        guard let key = currentKey else { throw missingKey(endpoint) }
        items.append(("app_key", key.secret))
        if endpoint.method == .post { bodyMembers.insert(("app_key", .string(key.secret)), at: 0) }
        var url = configuration.profile.url(for: endpoint.path)
        if !items.isEmpty {
            url += "?" + items.map { "\(Self.percentEncode($0.0))=\(Self.percentEncode($0.1))" }.joined(separator: "&")
        }
        request.url = url
        if endpoint.method == .post {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: JSONValue.object(bodyMembers).serialized()))
        }

        try await acquireSlot(endpoint)
        let started = ContinuousClock.now
        do {
            let timeout = TimeAmount.nanoseconds(
                configuration.requestTimeout.components.seconds * 1_000_000_000
                    + configuration.requestTimeout.components.attoseconds / 1_000_000_000)
            // AsyncHTTPClient's deadline covers the request up to the answer's head, and its error
            // knows whether a connection was ever made (a refused one is retried until then); the
            // body then has what is left of the same time.
            let response = try await http.execute(request, timeout: timeout)
            let status = Int(response.status.code)
            if (300..<400).contains(status) {
                throw redirectError(status, location: response.headers.first(name: "location"), endpoint: endpoint)
            }
            let limit = configuration.maxBodyBytes
            let left = configuration.requestTimeout - (ContinuousClock.now - started)
            let (filled, count) = try await Self.withinDeadline(max(left, .milliseconds(100)), endpoint: endpoint) {
                try await Self.collect(response, status: status, into: sink, limit: limit, endpoint: endpoint)
            }
            logger.debug(
                "request done",
                metadata: [
                    "endpoint": "\(endpoint)", "status": "\(status)",
                    "bytes": "\(count)", "elapsed": "\(ContinuousClock.now - started)",
                ])
            return (status, filled)
        } catch let error as ProxyLiteError {
            throw error
        } catch {
            let mapped = TransportErrorMapping.map(error, endpoint: endpoint, redact: redact)
            logger.info("request failed", metadata: ["endpoint": "\(endpoint)", "error": "\(mapped.shortDescription)"])
            throw mapped
        }
    }

    /// Runs `work` (reading the body) within `limit`. AsyncHTTPClient's own deadline ends when the
    /// head arrives, so a body that trickles in would otherwise hold a poller for ever.
    /// The timer is a NIO scheduled task, cancelled (and freed) the moment the answer is complete: a
    /// cancelled `Task.sleep` keeps its task alive until its deadline, which at a few requests a
    /// second is memory that grows with the timeout.
    private static func withinDeadline<T: Sendable>(
        _ limit: Duration, endpoint: Endpoint, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let timedOut = NIOLockedValueBox(false)
        let task = Task { try await work() }
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(nanoseconds)) {
            timedOut.withLockedValue { $0 = true }
            task.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch  where timedOut.withLockedValue({ $0 }) {
            throw ProxyLiteError(
                .timeout, endpoint: endpoint.path, message: "no complete answer within \(limit); the provider or the network is slow")
        }
    }

    /// Hands the body to `sink` chunk by chunk, within `limit` bytes; gives the sink and the count.
    private static func collect<Sink: BodySink>(
        _ response: HTTPClientResponse, status: Int, into sink: Sink, limit: Int, endpoint: Endpoint
    ) async throws -> (Sink, Int) {
        var sink = sink
        let length = response.headers.first(name: "content-length").flatMap(Int.init)
        sink.start(status: status, length: length.flatMap { $0 > 0 && $0 <= limit ? $0 : nil })
        var count = 0
        for try await chunk in response.body {
            guard count + chunk.readableBytes <= limit else {
                throw ProxyLiteError(.transport, endpoint: endpoint.path, message: "the answer is larger than \(limit >> 20) MB")
            }
            count += chunk.readableBytes
            sink.append(chunk)
        }
        return (sink, count)
    }

    private func acquireSlot(_ endpoint: Endpoint) async throws {
        do {
            try await limiter.acquire()
        } catch {
            throw ProxyLiteError(.cancelled, endpoint: endpoint.path, message: "the request was cancelled")
        }
    }

    // MARK: - Decoding

    func decode<Payload: APIPayload>(
        _: Payload.Type, from bytes: Data, status: Int, endpoint: Endpoint
    )
        throws -> Payload
    {
        let decoder = JSONDecoder()
        decoder.userInfo[.providerOffset] = configuration.profile.providerOffset
        decoder.userInfo[.success] = endpoint.success
        guard (200..<300).contains(status) else {
            // An HTTP failure is a failure whatever the body says; an envelope in it only adds
            // the provider's own code and words.
            if let head = try? decoder.decode(EnvelopeHead.self, from: bytes), let code = head.code,
                !endpoint.success.accepts(code)
            {
                throw apiError(head, status: status, endpoint: endpoint)
            }
            throw statusError(status, bytes: bytes, endpoint: endpoint)
        }
        let envelope: Envelope<Payload>
        do {
            envelope = try decoder.decode(Envelope<Payload>.self, from: bytes)
        } catch let error as DecodingError {
            throw ProxyLiteError(
                .decoding, endpoint: endpoint.path, message: redact(Self.describe(error)))
        } catch {
            throw ProxyLiteError(.decoding, endpoint: endpoint.path, message: "the answer could not be read")
        }
        if let payload = envelope.payload { return payload }
        guard envelope.head.code != nil else {
            throw ProxyLiteError(
                .decoding, endpoint: endpoint.path,
                message: "the answer has no `code`, so it cannot be read as a success"
                    + (envelope.head.message.map { "; it said: \(redact($0))" } ?? ""))
        }
        throw apiError(envelope.head, status: status, endpoint: endpoint)
    }

    private func apiError(_ head: EnvelopeHead, status: Int, endpoint: Endpoint) -> ProxyLiteError {
        let provider = redact(head.message ?? "")
        let said = provider.isEmpty ? "" : " The provider said: \(provider)"
        let code = head.code ?? status
        let answer = ProxyLiteError.ProviderAnswer(code: code, message: provider)
        switch code {
        case 3:
            return ProxyLiteError(
                .invalidAppKey, endpoint: endpoint.path,
                message: "The app_key was rejected (code 3). Copy it again from the account centre's home page "
                    + "and set PROXYLITE_APP_KEY or --app-key-file.", provider: answer)
        case 156:
            return ProxyLiteError(
                .notVerified, endpoint: endpoint.path,
                message: "The account has not completed real-name verification (code 156); finish it in the "
                    + "provider's console, then retry.", provider: answer)
        case 400:
            return ProxyLiteError(
                .badParameters, endpoint: endpoint.path,
                message: "The provider rejected the parameters (code 400).\(said)",
                fieldErrors: head.fieldErrors.mapValues { $0.map(redact) }, provider: answer)
        case 429:
            return ProxyLiteError(
                .rateLimited, endpoint: endpoint.path, message: "Too many requests; slowing down.\(said)", provider: answer)
        default:
            return ProxyLiteError(
                .api(code), endpoint: endpoint.path, message: "The provider answered code \(code).\(said)", provider: answer)
        }
    }

    private func statusError(_ status: Int, bytes: Data, endpoint: Endpoint) -> ProxyLiteError {
        let excerpt = self.excerpt(bytes)
        let said = excerpt.isEmpty ? "" : ": \(excerpt)"
        switch status {
        case 401, 403:
            return ProxyLiteError(
                .invalidAppKey, endpoint: endpoint.path,
                message: "HTTP \(status)\(said). The server refused the app_key; copy it again from the account centre "
                    + "and set PROXYLITE_APP_KEY or --app-key-file.")
        case 429:
            return ProxyLiteError(.rateLimited, endpoint: endpoint.path, message: "HTTP 429\(said)")
        default:
            return ProxyLiteError(.httpStatus(status), endpoint: endpoint.path, message: "HTTP \(status)\(said)")
        }
    }

    private func redirectError(_ status: Int, location: String?, endpoint: Endpoint) -> ProxyLiteError {
        let target = location.map { excerpt(Data($0.utf8)) } ?? "nowhere (no Location header)"
        return ProxyLiteError(
            .redirect(status), endpoint: endpoint.path,
            message: "HTTP \(status): the server redirects to \(target). Redirects are not followed (a write would "
                + "send the app_key there); if that is the API's new address, set the base URL to it.")
    }

    private func missingKey(_ endpoint: Endpoint) -> ProxyLiteError {
        ProxyLiteError(
            .invalidAppKey, endpoint: endpoint.path,
            message: "No app_key is configured. Set PROXYLITE_APP_KEY or use --app-key-file.")
    }

    /// The exact secrets of the request being sent (passwords in `user:pass` lists), scrubbed by
    /// value from whatever the provider answers: a message that echoes the request must not show
    /// them. Values, not a pattern: a pattern for "password-like" text would eat IPv6 addresses.
    @TaskLocal static var requestSecrets: [String] = []

    /// Runs `body` with `secrets` scrubbed from every error it throws.
    func withSecrets<T>(_ secrets: [String], _ body: () async throws -> T) async throws -> T {
        try await Self.$requestSecrets.withValue(secrets.filter { !$0.isEmpty }, operation: body)
    }

    func redact(_ text: String) -> String {
        var result = text
        for secret in Self.requestSecrets.sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: secret, with: "••••••")
        }
        let (current, retired) = keys.withLockedValue { ($0.current, $0.retired) }
        for key in retired + (current.map { [$0] } ?? []) { result = key.redact(result) }
        return result
    }

    /// The first 120 characters of a body, with HTML tags dropped and white space folded; the
    /// secrets are scrubbed before it is cut, so that a cut cannot leave half of one behind.
    func excerpt(_ bytes: Data) -> String {
        var text = redact(String(decoding: bytes.prefix(4096), as: UTF8.self))
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += (out.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return out.isEmpty ? "the top level" : "`\(out)`"
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the answer is not valid JSON"
        case .dataCorrupted(let context):
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "field \(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)) is not of type \(type)"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null where \(type) was expected"
        @unknown default:
            return "the answer could not be read"
        }
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The whole answer; `payload` is nil when the code is not a success.
struct Envelope<Payload: APIPayload>: Decodable {
    let head: EnvelopeHead
    let payload: Payload?

    init(from decoder: any Decoder) throws {
        head = try EnvelopeHead(from: decoder)
        // Success is the code of the endpoint's group; a body without a code is no success.
        let success = decoder.userInfo[.success] as? Endpoint.Success ?? .either
        if let code = head.code, success.accepts(code) {
            payload = try EnvelopeData<Payload>(from: decoder).payload
        } else {
            payload = nil
        }
    }
}
