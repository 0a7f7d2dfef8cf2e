import Testing
@testable import PfadObjects

@Suite struct ObjectIDTests {
    @Test func emptyBlobIDsMatchGit() {
        // Known ids of the empty blob, as printed by `git hash-object -t blob /dev/null`
        // in sha1 and sha256 repositories.
        #expect(HashAlgorithm.sha1.objectID(type: .blob, content: [UInt8]()).hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        #expect(HashAlgorithm.sha256.objectID(type: .blob, content: [UInt8]()).hex
            == "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813")
    }

    @Test func hexRoundTrip() {
        let hex = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
        let id = ObjectID(hex: hex)
        #expect(id?.hex == hex)
        #expect(ObjectID(hex: hex.uppercased())?.hex == hex)
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(hex: String(hex.dropLast())) == nil)
    }

    @Test func headerParsing() {
        let header = ObjectHeader.encode(type: .commit, size: 1234) + [0x41]
        let parsed = ObjectHeader.decode(header)
        #expect(parsed?.type == .commit)
        #expect(parsed?.size == 1234)
        #expect(parsed?.contentStart == header.count - 1)
        #expect(ObjectHeader.decode(Array("blob 01\0".utf8)) == nil)
        #expect(ObjectHeader.decode(Array("blub 1\0".utf8)) == nil)
        #expect(ObjectHeader.decode(Array("blob 1".utf8)) == nil)
    }
}
