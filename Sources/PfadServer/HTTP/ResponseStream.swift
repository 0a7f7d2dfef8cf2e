import Foundation
import Hummingbird
import PfadTransport

/// Carries what a synchronous service handler writes, on its own thread,
/// into an HTTP response body written asynchronously. Chunks of up to
/// 64 KiB; at most `window` chunks are in flight, then the handler's
/// thread waits for the network, so a large pack is streamed, never held
/// whole in memory.
final class ResponseStream: ByteSink, @unchecked Sendable {
    /// The chunks, in order, for the response body.
    let chunks: AsyncStream<ByteBuffer>
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let credits: DispatchSemaphore
    private let window: Int
    private let lock = NSLock()
    private var cancelled = false
    private var buffer: [UInt8] = []
    /// Bytes handed to the body so far (for the request log).
    private(set) var bytesSent = 0

    /// A stream allowing `window` unsent chunks.
    init(window: Int = 8) {
        (chunks, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .unbounded)
        // Start at 0 and add the credits: libdispatch traps when a semaphore
        // is released holding less than its initial value.
        credits = DispatchSemaphore(value: 0)
        for _ in 0..<window { credits.signal() }
        self.window = window
        buffer.reserveCapacity(64 * 1024)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    /// Hands the buffered bytes to the body; waits while the window is full.
    /// - Throws: `TransportError.io` once the client has gone away.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        credits.wait()
        if isCancelled { throw TransportError.io(operation: "sending the response", errno: EPIPE) }
        bytesSent += buffer.count
        continuation.yield(ByteBuffer(bytes: buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and ends the body (the handler is done).
    func finish() {
        try? flush()
        continuation.finish()
    }

    /// Called by the body writer after each chunk went out.
    func chunkSent() {
        credits.signal()
    }

    /// Called when the client went away: wakes and fails the handler.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        for _ in 0..<window { credits.signal() }
        continuation.finish()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
