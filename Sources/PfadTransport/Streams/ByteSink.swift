#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something bytes can be written to: a pipe, an HTTP response body, a
/// buffer. Writers call `flush()` at the end of every message the peer must
/// see before it answers (after a pkt-line flush packet, for instance).
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes` (possibly buffered).
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Pushes buffered bytes to the peer.
    func flush() throws
}

extension ByteSink {
    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// A sink that collects everything in memory (tests, HTTP request bodies).
public final class BufferSink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    public func flush() throws {}
}

/// A buffered sink writing a file descriptor (pipe, socket). Does not own
/// the descriptor. Buffers up to 64 KiB between flushes.
public final class FileDescriptorSink: ByteSink {
    /// The descriptor written to.
    public let fd: Int32
    private var buffer: [UInt8] = []

    /// Writes to `fd`.
    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(64 * 1024)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 64 * 1024 { try flush() }
    }

    public func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { all in
            while offset < all.count {
                let n = systemWrite(fd, all.baseAddress.map { $0 + offset }, all.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw TransportError.io(operation: "write", errno: errno)
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `write(2)`, out of the way of `ByteSink.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
