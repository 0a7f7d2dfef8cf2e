import Testing

@testable import PfadStore

/// The 12-byte pack header: `PACK`, a 32-bit big-endian version and object count.
@Suite struct PackHeaderTests {
    @Test func decodesAndEncodesVersionAndCount() throws {
        let bytes: [UInt8] = [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 2, 0x01, 0x02, 0x03, 0x04]
        let header = try PackHeader(decoding: bytes)
        #expect(header.version == 2 && header.objectCount == 0x0102_0304)
        #expect(header.encoded == bytes)
        #expect(PackHeader(objectCount: 256).encoded == [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 2, 0, 0, 1, 0])
        // Version 3 is read too; trailing bytes are ignored.
        let three = try PackHeader(decoding: [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 3, 0, 0, 0, 0, 0x99])
        #expect(three.version == 3 && three.objectCount == 0)
    }

    @Test func refusesBadSignatureVersionAndShortInput() {
        #expect(throws: PackFormatError(.badSignature, offset: 0)) {
            try PackHeader(decoding: [0x50, 0x41, 0x43, 0x58, 0, 0, 0, 2, 0, 0, 0, 1])
        }
        #expect(throws: PackFormatError(.unsupportedVersion(4), offset: 4)) {
            try PackHeader(decoding: [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 4, 0, 0, 0, 1])
        }
        #expect(throws: PackFormatError(.unsupportedVersion(0x0100_0002), offset: 4)) {
            try PackHeader(decoding: [0x50, 0x41, 0x43, 0x4B, 1, 0, 0, 2, 0, 0, 0, 1])
        }
        #expect(throws: PackFormatError(.truncated("pack header"), offset: 0)) {
            try PackHeader(decoding: [0x50, 0x41, 0x43, 0x4B, 0, 0, 0, 2, 0, 0, 0])
        }
        #expect(PackFormatError(.badSignature, offset: 0).detail == "pack signature mismatch")
        #expect(PackFormatError(.unsupportedVersion(4), offset: 4).detail == "pack version 4 unsupported")
    }
}
