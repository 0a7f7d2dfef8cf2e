import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-way byte channel between two threads of one process, with a
/// bounded buffer: the writer waits while it is full, the reader while it is
/// empty. It stands in for an operating-system pipe when pfad talks to a
/// service (`upload-pack`, `receive-pack`) running in its own process: no
/// file descriptors, no `SIGPIPE`. Writing after the reader has gone fails
/// with `TransportError.io(…, EPIPE)`; reading after the writer has gone and
/// the buffer is drained returns end of file.
public final class MemoryPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var head = 0
    private var writerClosed = false
    private var readerClosed = false
    /// The most bytes held before the writer waits.
    public let capacity: Int

    /// An empty pipe holding at most `capacity` bytes (1 MiB by default).
    public init(capacity: Int = 1 << 20) {
        self.capacity = max(1, capacity)
    }

    /// Appends all of `bytes`, waiting for room as needed.
    /// - Throws: `TransportError.io` with `EPIPE` once the reader has closed.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        condition.lock()
        defer { condition.unlock() }
        while offset < bytes.count {
            while !readerClosed && buffer.count - head >= capacity { condition.wait() }
            if readerClosed { throw TransportError.io(operation: "writing to the service", errno: EPIPE) }
            if head > 0 && head >= buffer.count / 2 {
                buffer.removeFirst(head)
                head = 0
            }
            let room = capacity - (buffer.count - head)
            let take = min(room, bytes.count - offset)
            buffer.append(contentsOf: bytes[offset..<(offset + take)])
            offset += take
            condition.broadcast()
        }
    }

    /// Copies up to `target.count` bytes, waiting until some are there;
    /// 0 means end of file (the writer closed and everything was read).
    public func read(into target: UnsafeMutableRawBufferPointer) -> Int {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count == head && !writerClosed && !readerClosed { condition.wait() }
        let available = buffer.count - head
        guard available > 0, !readerClosed, target.count > 0 else { return 0 }
        let take = min(available, target.count)
        let start = head
        buffer.withUnsafeBytes { source in
            guard let from = source.baseAddress, let to = target.baseAddress else { return }
            to.copyMemory(from: from + start, byteCount: take)
        }
        head += take
        if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return take
    }

    /// The writer is done: the reader gets end of file after the rest.
    public func closeWriting() {
        condition.lock()
        writerClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The reader is done: further writes fail, buffered bytes are dropped.
    public func closeReading() {
        condition.lock()
        readerClosed = true
        buffer.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}

/// The reading end of a `MemoryPipe` as a `ByteSource`.
public final class MemoryPipeSource: ByteSource {
    private let pipe: MemoryPipe

    /// Reads from `pipe`.
    public init(_ pipe: MemoryPipe) {
        self.pipe = pipe
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        pipe.read(into: buffer)
    }
}

/// The writing end of a `MemoryPipe` as a `ByteSink` (unbuffered: the pipe
/// itself is the buffer, so `flush` has nothing to do).
public final class MemoryPipeSink: ByteSink {
    private let pipe: MemoryPipe

    /// Writes to `pipe`.
    public init(_ pipe: MemoryPipe) {
        self.pipe = pipe
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try pipe.write(bytes)
    }

    public func flush() throws {}
}
