#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Hummingbird
import NIOCore
import PfadStore
import PfadTransport

/// A request body written, while it arrives, to a temporary file that has
/// no name (unlinked at once, so nothing is left behind whatever happens),
/// gzip-decoded on the way when the client compressed it. Memory stays at
/// one network chunk and one 64 KiB decoding buffer however large the body
/// or however far a gzip bomb would expand: the decoded size is counted as
/// it is produced and refused past the limit.
final class SpooledBody: @unchecked Sendable {
    private let fd: Int32
    /// Decoded bytes in the file.
    let count: Int

    private init(fd: Int32, count: Int) {
        self.fd = fd
        self.count = count
    }

    deinit { close(fd) }

    /// A source reading the decoded body from its start.
    func source() -> ByteSource {
        lseek(fd, 0, SEEK_SET)
        return FileDescriptorSource(fd: fd)
    }

    /// Reads `body` to its end into a spool, decoded according to
    /// `encoding`, at most `limit` decoded bytes.
    /// - Throws: `ServerError.bodyTooLarge` past the limit (or when the
    ///   body cannot be read to its end), `.badRequest` for an unknown
    ///   encoding, bad or truncated gzip data, or a temporary file that
    ///   cannot be written (with the system's reason).
    static func spool(_ body: RequestBody, encoding: String?, limit: Int) async throws -> SpooledBody {
        let inflater: Inflater?
        switch encoding?.lowercased() {
        case nil, "", "identity":
            inflater = nil
        case "gzip", "x-gzip":
            do { inflater = try Inflater(framing: .gzip) } catch { throw ServerError.badRequest("cannot start gzip decoder") }
        case let other?:
            throw ServerError.badRequest("unsupported Content-Encoding '\(other)'")
        }
        let spool = try Self.makeFile()
        var writer = SpoolWriter(fd: spool, limit: limit)
        var decoded = [UInt8](repeating: 0, count: 64 * 1024)
        do {
            for try await buffer in body {
                try buffer.withUnsafeReadableBytes { input in
                    guard let inflater else { return try writer.write(input) }
                    var consumed = 0
                    while consumed < input.count, !inflater.isFinished {
                        let (used, produced) = try decoded.withUnsafeMutableBytes { output in
                            do {
                                return try inflater.step(input: UnsafeRawBufferPointer(rebasing: input[consumed...]), output: output, context: "request body")
                            } catch {
                                throw ServerError.badRequest("bad gzip request body")
                            }
                        }
                        try decoded.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                        consumed += used
                        if used == 0 && produced == 0 { break }
                    }
                    // Output still pending inside zlib for this input.
                    while !inflater.isFinished {
                        let (_, produced) = try decoded.withUnsafeMutableBytes { output in
                            do {
                                return try inflater.step(input: UnsafeRawBufferPointer(start: nil, count: 0), output: output, context: "request body")
                            } catch {
                                throw ServerError.badRequest("bad gzip request body")
                            }
                        }
                        if produced == 0 { break }
                        try decoded.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                    }
                }
            }
        } catch let error as ServerError {
            close(spool)
            throw error
        } catch {
            close(spool)
            throw ServerError.bodyTooLarge(limit: limit)
        }
        if let inflater, !inflater.isFinished {
            close(spool)
            throw ServerError.badRequest("bad gzip request body")
        }
        return SpooledBody(fd: spool, count: writer.written)
    }

    /// An open, already unlinked temporary file.
    private static func makeFile() throws -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/pfad-body-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw ServerError.badRequest("cannot store the request body: \(String(cString: strerror(errno)))") }
        _ = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { unlink($0) } }
        return fd
    }
}

/// Appends to the spool file, counting against the limit first.
private struct SpoolWriter {
    let fd: Int32
    let limit: Int
    private(set) var written = 0

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count <= limit - written else { throw ServerError.bodyTooLarge(limit: limit) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ServerError.badRequest("cannot store the request body: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        written += bytes.count
    }
}
