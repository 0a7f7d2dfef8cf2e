import Testing
@testable import PfadObjects

@Suite struct TagTests {
    @Test(arguments: [GitSamples.annotatedTag, GitSamples.signedTag, GitSamples.tag256])
    func roundTripsTagsGitWrote(sample: Sample) throws {
        let tag = try Tag.parse(sample.bytes, algorithm: sample.algorithm)
        #expect(tag.serialized() == sample.bytes)
        #expect(sample.algorithm.objectID(type: .tag, content: tag.serialized()).hex == sample.id)
    }

    @Test func annotatedTagFields() throws {
        let tag = try Tag.parse(GitSamples.annotatedTag.bytes, algorithm: .sha1)
        // From `git cat-file tag v1` by hand.
        #expect(tag.object.hex == "79c1aaa75aaf90ab02ff2fe33395f5abd929afc1")
        #expect(tag.type == .commit)
        #expect(tag.name == bytes("v1"))
        #expect(tag.tagger.map { text($0.serialized()) } == "Olpe Agentur <agentur@olpe.de> 1700000100 -0530")
        #expect(text(tag.message) == "Release 1\n")
    }

    @Test func signedTagKeepsSignatureInMessage() throws {
        let tag = try Tag.parse(GitSamples.signedTag.bytes, algorithm: .sha1)
        #expect(tag.extraHeaders.isEmpty)
        #expect(text(tag.message).hasPrefix("Signierte Version\n-----BEGIN SSH SIGNATURE-----\n"))
    }

    @Test func oldTagWithoutTagger() throws {
        let content = bytes("object 587be6b4c3f93f93c489c0111bba5596147a26cb\ntype blob\ntag v0\n\nalt\n")
        let tag = try Tag.parse(content, algorithm: .sha1)
        #expect(tag.tagger == nil)
        #expect(tag.type == .blob)
        #expect(tag.serialized() == content)
    }

    @Test func rejectsUnknownType() {
        let content = bytes("object 587be6b4c3f93f93c489c0111bba5596147a26cb\ntype blub\ntag v0\n\n")
        #expect(throws: ObjectError.unknownObjectType(name: bytes("blub"))) { try Tag.parse(content, algorithm: .sha1) }
    }

    @Test func rejectsMissingHeaders() {
        let content = bytes("type blob\ntag v0\n\n")
        #expect(throws: ObjectError.missingHeader(type: .tag, key: "object")) { try Tag.parse(content, algorithm: .sha1) }
    }
}
