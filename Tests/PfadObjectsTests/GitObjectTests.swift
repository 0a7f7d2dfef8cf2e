import Testing
@testable import PfadObjects

@Suite struct GitObjectTests {
    @Test(arguments: [
        GitSamples.tree1, GitSamples.rootCommit, GitSamples.signedTag,
        GitSamples.tree256, GitSamples.commit256, GitSamples.tag256,
    ])
    func parsesEveryTypeAndKeepsTheID(sample: Sample) throws {
        let object = try GitObject(type: sample.type, content: sample.bytes, algorithm: sample.algorithm)
        #expect(object.type == sample.type)
        #expect(object.serialized() == sample.bytes)
        #expect(object.id(algorithm: sample.algorithm).hex == sample.id)
    }

    @Test func blobsAreRaw() throws {
        let object = try GitObject(type: .blob, content: bytes("x\n"), algorithm: .sha1)
        #expect(object == .blob(bytes("x\n")))
        // `echo x | git hash-object --stdin`, run by hand.
        #expect(object.id(algorithm: .sha1).hex == "587be6b4c3f93f93c489c0111bba5596147a26cb")
    }
}
