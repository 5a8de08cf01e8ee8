import Dispatch
import Foundation

/// SIGTERM, SIGINT and SIGHUP as a stream, for `serve`: the default actions (die at once, or
/// die on a hang-up) are replaced, so that it can shut down in order and re-read its keys.
enum ProcessSignals {
    static func stream(_ signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]) -> AsyncStream<Int32> {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "proxylite.signals")
        let sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        let held = SignalSources(sources)
        continuation.onTermination = { _ in held.cancel() }
        return stream
    }
}

/// The sources, kept alive as long as the stream and cancelled with it. Dispatch sources are
/// thread-safe; they are only not marked Sendable.
private final class SignalSources: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }
    func cancel() { for source in sources { source.cancel() } }
}
