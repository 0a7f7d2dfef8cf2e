import PfadStore
import Testing
@testable import PfadServer

@Suite struct RequestBodyDecoderTests {
    /// "0009done\n" compressed by `printf '0009done\n' | gzip -n | xxd -i`
    /// (gzip 1.12).
    private let gzipped: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x33, 0x30, 0x30, 0xb0, 0x4c, 0xc9,
        0xcf, 0x4b, 0xe5, 0x02, 0x00, 0x38, 0xd2, 0x02, 0x73, 0x09, 0x00, 0x00, 0x00,
    ]

    @Test func decodesGzipBodies() throws {
        #expect(try RequestBodyDecoder.decode(gzipped, encoding: "gzip", limit: 100) == Array("0009done\n".utf8))
        #expect(try RequestBodyDecoder.decode([1, 2], encoding: nil, limit: 2) == [1, 2])
    }

    @Test func boundsTheDecodedSizeAndRefusesGarbage() {
        #expect(throws: ServerError.bodyTooLarge(limit: 5)) { try RequestBodyDecoder.decode(gzipped, encoding: "gzip", limit: 5) }
        #expect(throws: ServerError.bodyTooLarge(limit: 1)) { try RequestBodyDecoder.decode([1, 2], encoding: nil, limit: 1) }
        #expect(throws: ServerError.badRequest("bad gzip request body")) {
            try RequestBodyDecoder.decode([0x1f, 0x8b, 0x08, 0xff, 0xff], encoding: "gzip", limit: 100)
        }
        #expect(throws: ServerError.badRequest("unsupported Content-Encoding 'br'")) { try RequestBodyDecoder.decode([], encoding: "br", limit: 1) }
    }
}
