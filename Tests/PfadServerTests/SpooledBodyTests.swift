import Foundation
import Hummingbird
import NIOCore
import PfadStore
import PfadTransport
import Testing
@testable import PfadServer

/// Request bodies go to a nameless temporary file, gzip-decoded on the way,
/// bounded by the decoded size, with memory independent of the body's size.
@Suite struct SpooledBodyTests {
    /// "0009done\n" compressed by `printf '0009done\n' | gzip -n | xxd -i`
    /// (gzip 1.12).
    private let gzipped: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x33, 0x30, 0x30, 0xb0, 0x4c, 0xc9,
        0xcf, 0x4b, 0xe5, 0x02, 0x00, 0x38, 0xd2, 0x02, 0x73, 0x09, 0x00, 0x00, 0x00,
    ]

    /// A body arriving in chunks of `size` bytes.
    private func body(_ bytes: [UInt8], chunk size: Int = 1 << 16) -> RequestBody {
        let chunks = stride(from: 0, to: bytes.count, by: size).map { ByteBuffer(bytes: bytes[$0..<min($0 + size, bytes.count)]) }
        return RequestBody(asyncSequence: chunks.async)
    }

    private func read(_ spooled: SpooledBody) throws -> [UInt8] {
        try spooled.source().readAll()
    }

    /// gzip framing around zlib's deflate data, made by construction: the
    /// 10-byte header, the raw deflate stream (zlib's output without its
    /// 2-byte header and 4-byte Adler-32), CRC-32 and length, little-endian.
    private func gzip(_ data: [UInt8]) throws -> [UInt8] {
        let zlib = try Deflater().compress(data, [UInt8]())
        let crc = CRC32.checksum(data)
        let size = UInt32(truncatingIfNeeded: data.count)
        let header: [UInt8] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]
        let trailer = (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        return header + Array(zlib.dropFirst(2).dropLast(4)) + trailer
    }

    @Test func decodesGzipBodiesInAnyChunking() async throws {
        for size in [1, 3, 7, 64] {
            let spooled = try await SpooledBody.spool(body(gzipped, chunk: size), encoding: "gzip", limit: 100)
            #expect(try read(spooled) == Array("0009done\n".utf8))
            #expect(spooled.count == 9)
        }
        let plain = try await SpooledBody.spool(body([1, 2]), encoding: nil, limit: 2)
        #expect(try read(plain) == [1, 2])
    }

    @Test func boundsTheDecodedSizeAndRefusesGarbage() async throws {
        await #expect(throws: ServerError.bodyTooLarge(limit: 5)) { try await SpooledBody.spool(body(gzipped), encoding: "gzip", limit: 5) }
        await #expect(throws: ServerError.bodyTooLarge(limit: 1)) { try await SpooledBody.spool(body([1, 2]), encoding: nil, limit: 1) }
        await #expect(throws: ServerError.badRequest("bad gzip request body")) {
            try await SpooledBody.spool(body([0x1f, 0x8b, 0x08, 0xff, 0xff]), encoding: "gzip", limit: 100)
        }
        // A stream cut short is refused too.
        await #expect(throws: ServerError.badRequest("bad gzip request body")) {
            try await SpooledBody.spool(body(Array(gzipped.dropLast(12))), encoding: "gzip", limit: 100)
        }
        await #expect(throws: ServerError.badRequest("unsupported Content-Encoding 'br'")) {
            try await SpooledBody.spool(body([]), encoding: "br", limit: 1)
        }
    }

    /// A gzip bomb: 192 MiB of zeros in about 190 KiB. Refused at a 1 MiB
    /// limit, and accepted at a 256 MiB limit without holding it in memory
    /// (resident memory grows by far less than the decoded size).
    @Test func aGzipBombNeverLandsInMemory() async throws {
        let bomb = try gzip([UInt8](repeating: 0, count: 192 << 20))
        #expect(bomb.count < 1 << 20)
        await #expect(throws: ServerError.bodyTooLarge(limit: 1 << 20)) {
            try await SpooledBody.spool(body(bomb), encoding: "gzip", limit: 1 << 20)
        }
        let before = Self.residentBytes()
        let spooled = try await SpooledBody.spool(body(bomb), encoding: "gzip", limit: 256 << 20)
        let after = Self.residentBytes()
        #expect(spooled.count == 192 << 20)
        #expect(after - before < 32 << 20, "resident memory grew by \(after - before) bytes")
        // Read back in pieces: all zeros, all there.
        let source = spooled.source()
        var buffer = [UInt8](repeating: 1, count: 1 << 20)
        var total = 0
        while true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            #expect(buffer[0..<n].allSatisfy { $0 == 0 })
            total += n
        }
        #expect(total == 192 << 20)
    }

    /// This process's resident set size from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
