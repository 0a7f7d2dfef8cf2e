#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// Buffered, hashed output to a pack file.
struct PackSink {
    let fd: Int32
    let path: String
    var hasher: StreamingHasher
    var buffer: [UInt8] = []
    private(set) var written: UInt64 = 0

    init(fd: Int32, path: String, algorithm: HashAlgorithm) {
        self.fd = fd
        self.path = path
        self.hasher = StreamingHasher(algorithm)
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends bytes (hashed, counted, flushed in 1 MiB pieces).
    mutating func append(_ bytes: [UInt8]) throws {
        buffer += bytes
        written += UInt64(bytes.count)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        hasher.update(buffer)
        try buffer.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the trailer (hash of all bytes so far) and returns it.
    mutating func finish() throws -> ObjectID {
        try flush()
        let checksum = hasher.finalize()
        try checksum.bytes.withUnsafeBytes { try POSIX.writeAll(fd: fd, $0, path: path) }
        written += UInt64(checksum.bytes.count)
        return checksum
    }
}
