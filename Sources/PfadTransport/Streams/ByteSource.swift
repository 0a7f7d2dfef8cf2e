#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something bytes can be read from: a pipe, a socket, an HTTP body, a
/// buffer. Reference type so that readers can be layered (a side-band
/// demultiplexer over a pkt-line reader over a pipe).
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; returns 0 only at the end of the
    /// stream. Blocks until at least one byte is available.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteSource {
    /// Reads until the end of the stream, refusing more than `limit` bytes.
    /// - Throws: `TransportError.protocolViolation` past the limit.
    public func readAll(limit: Int = Int.max) throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { return result }
            guard result.count + n <= limit else {
                throw TransportError.protocolViolation("more than \(limit) bytes of data")
            }
            result += chunk[0..<n]
        }
    }
}

/// A source over bytes already in memory.
public final class BufferSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    /// A source that yields `bytes`, then the end.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[position..<position + n]))
        }
        position += n
        return n
    }
}

/// A source reading a file descriptor (pipe, socket, file). Does not own
/// the descriptor: whoever opened it closes it.
public final class FileDescriptorSource: ByteSource {
    /// The descriptor read from.
    public let fd: Int32

    /// Reads `fd` until end of file.
    public init(fd: Int32) {
        self.fd = fd
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = systemRead(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw TransportError.io(operation: "read", errno: errno)
        }
    }
}

/// `read(2)`, out of the way of `ByteSource.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
