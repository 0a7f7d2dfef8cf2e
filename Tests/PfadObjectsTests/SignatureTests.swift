import Testing
@testable import PfadObjects

@Suite struct SignatureTests {
    @Test func parsesAndSerialises() throws {
        let line = bytes("Anna Müller <anna@arnsberg.de> 1700000000 +0100")
        let sig = try Signature.parse(line)
        #expect(sig.name == bytes("Anna Müller"))
        #expect(sig.email == bytes("anna@arnsberg.de"))
        #expect(sig.time == 1_700_000_000)
        #expect(sig.offset == bytes("+0100"))
        #expect(sig.offsetMinutes == 60)
        #expect(sig.serialized() == line)
    }

    @Test func keepsOffsetAsWritten() throws {
        // "-0000" is kept byte for byte even though it means UTC.
        let line = bytes("A <a@b> 0 -0000")
        let sig = try Signature.parse(line)
        #expect(sig.offset == bytes("-0000"))
        #expect(sig.serialized() == line)
    }

    @Test func emptyNameAndEmailRoundTrip() throws {
        // git fsck accepts "author  <a@b> 1 +0000" and "A <> 1 +0000" (checked by hand).
        for line in [" <a@b> 1 +0000", "A <> 1 +0000"] {
            #expect(try Signature.parse(bytes(line)).serialized() == bytes(line))
        }
    }

    @Test func buildsFromMinutes() {
        let sig = Signature(name: bytes("Olpe Agentur"), email: bytes("agentur@olpe.de"), time: 1_700_000_100, offsetMinutes: -330)
        #expect(text(sig.serialized()) == "Olpe Agentur <agentur@olpe.de> 1700000100 -0530")
    }

    @Test(arguments: [
        "A<a@b> 1 +0000", "A a@b> 1 +0000", "A <a@b 1 +0000", "A <a@b>1 +0000",
        "A <a@b> x +0000", "A <a@b> 1 +000", "A <a@b> 1", "A <a<b> 1 +0000", "A> <a@b> 1 +0000",
    ])
    func rejectsMalformedLines(line: String) {
        #expect(throws: ObjectError.self) { try Signature.parse(bytes(line)) }
    }

    @Test func reasonsCarryFsckIDs() {
        #expect(throws: ObjectError.badSignature(line: bytes("A <a@b 1 +0000"), reason: "badEmail: invalid author/committer line - bad email")) {
            try Signature.parse(bytes("A <a@b 1 +0000"))
        }
    }

    @Test func validatesIdentitiesBuiltFromInput() {
        let good = Signature(name: bytes("Anna"), email: bytes("anna@menden.de"), time: 1, offsetMinutes: 60)
        #expect(good.validate() == nil)
        let badName = Signature(name: bytes("Anna <x>"), email: bytes("anna@menden.de"), time: 1, offsetMinutes: 60)
        // git fsck on "author Anna <x> <anna@menden.de> 1 +0100": badDate (checked by hand).
        #expect(badName.validate()?.id == "badDate")
        let newline = Signature(name: bytes("An\nna"), email: bytes("a@b"), time: 1, offsetMinutes: 0)
        #expect(newline.validate()?.id == "badName")
        let badEmail = Signature(name: bytes("Anna"), email: bytes("a>b"), time: 1, offsetMinutes: 0)
        // git fsck on "author Anna <a>b> 1 +0000": missingSpaceBeforeDate (checked by hand).
        #expect(badEmail.validate()?.id == "missingSpaceBeforeDate")
    }
}
