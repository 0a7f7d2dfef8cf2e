import AsyncHTTPClient
import NIOCore
import PfadStore
import PfadTransport

/// A blocking `ByteSource` over a streamed response body: each `read`
/// that runs out of buffered bytes waits (on the calling thread) for the
/// next chunk from AsyncHTTPClient, which applies back-pressure to the
/// connection meanwhile. Memory: one chunk at a time.
final class ResponseBodySource: ByteSource {
    private let iterator: IteratorBox
    private var current = ByteBuffer()
    private var finished = false

    init(_ body: HTTPClientResponse.Body) {
        iterator = IteratorBox(body.makeAsyncIterator())
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while current.readableBytes == 0 {
            if finished { return 0 }
            let iterator = self.iterator
            let next: ByteBuffer?
            do {
                next = try AsyncBridge.wait { try await iterator.next() }
            } catch {
                throw TransportError.unexpectedEnd(context: "HTTP response body: \(error)")
            }
            guard let next else {
                finished = true
                return 0
            }
            current = next
        }
        let count = min(buffer.count, current.readableBytes)
        current.withUnsafeReadableBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
        }
        current.moveReaderIndex(forwardBy: count)
        return count
    }
}

/// The body iterator, moved between the reading thread and the task that
/// awaits the next chunk; used by one of them at a time.
private final class IteratorBox: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> ByteBuffer? {
        try await iterator.next()
    }
}
