import NIOCore

/// Where an answer's body goes as it arrives: kept whole (`WholeBody`), or read on the way in
/// (`AccountListStream`), so that a large answer need not be held whole.
protocol BodySink: Sendable {
    /// Called once, before the first chunk, with the answer's status and announced length.
    mutating func start(status: Int, length: Int?)
    mutating func append(_ chunk: ByteBuffer)
}

/// The whole body in one buffer, sized from Content-Length, so that a large answer is not copied
/// again each time a growing buffer doubles.
struct WholeBody: BodySink {
    var buffer = ByteBuffer()

    mutating func start(status: Int, length: Int?) {
        if let length { buffer.reserveCapacity(length) }
    }

    mutating func append(_ chunk: ByteBuffer) {
        var chunk = chunk
        buffer.writeBuffer(&chunk)
    }
}
