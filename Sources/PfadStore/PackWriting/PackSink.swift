#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// Buffered, hashed output of a pack: to a file descriptor or to any
/// closure that takes bytes (a pipe, a side-band stream).
struct PackSink {
    private let output: (UnsafeRawBufferPointer) throws -> Void
    var hasher: StreamingHasher
    var buffer: [UInt8] = []
    private(set) var written: UInt64 = 0
    private let flushSize: Int

    /// A sink writing to the open descriptor `fd` (`path` is for messages).
    init(fd: Int32, path: String, algorithm: HashAlgorithm) {
        self.init(algorithm: algorithm, flushSize: 1 << 20) { bytes in try POSIX.writeAll(fd: fd, bytes, path: path) }
    }

    /// A sink handing every flushed piece (about `flushSize` bytes) to `output`.
    init(algorithm: HashAlgorithm, flushSize: Int = 1 << 16, output: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.output = output
        self.flushSize = flushSize
        self.hasher = StreamingHasher(algorithm)
        buffer.reserveCapacity(flushSize)
    }

    /// Appends bytes (hashed, counted, flushed in `flushSize` pieces).
    mutating func append(_ bytes: [UInt8]) throws {
        buffer += bytes
        written += UInt64(bytes.count)
        if buffer.count >= flushSize { try flush() }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(buffer)
        try buffer.withUnsafeBytes { try output($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the trailer (hash of all bytes so far) and returns it.
    mutating func finish() throws -> ObjectID {
        try flush()
        let checksum = hasher.finalize()
        try checksum.bytes.withUnsafeBytes { try output($0) }
        written += UInt64(checksum.bytes.count)
        return checksum
    }
}
