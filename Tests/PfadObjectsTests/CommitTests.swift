import Testing
@testable import PfadObjects

@Suite struct CommitTests {
    static let samples = [
        GitSamples.rootCommit, GitSamples.signedCommit, GitSamples.encodedCommit,
        GitSamples.mergeCommit, GitSamples.mergetagCommit, GitSamples.commit256,
    ]

    @Test(arguments: samples)
    func roundTripsCommitsGitWrote(sample: Sample) throws {
        let commit = try Commit.parse(sample.bytes, algorithm: sample.algorithm)
        #expect(commit.serialized() == sample.bytes)
        #expect(sample.algorithm.objectID(type: .commit, content: commit.serialized()).hex == sample.id)
    }

    @Test func rootCommitFields() throws {
        let commit = try Commit.parse(GitSamples.rootCommit.bytes, algorithm: .sha1)
        // From `git cat-file commit` by hand.
        #expect(commit.tree.hex == "c856d9533366064ab9c48610cef235f02362f4ff")
        #expect(commit.parents.isEmpty)
        #expect(text(commit.author.serialized()) == "Anna Müller <anna@arnsberg.de> 1700000000 +0100")
        #expect(text(commit.committer.serialized()) == "Olpe Agentur <agentur@olpe.de> 1700000100 -0530")
        #expect(commit.extraHeaders.isEmpty)
        #expect(text(commit.message) == "Erster Führer\n")
        #expect(text(commit.summary) == "Erster Führer")
    }

    @Test func signedCommitKeepsGpgsig() throws {
        let commit = try Commit.parse(GitSamples.signedCommit.bytes, algorithm: .sha1)
        #expect(commit.extraHeaders.map { text($0.key) } == ["gpgsig"])
        let sig = text(commit.header("gpgsig") ?? [])
        #expect(sig.hasPrefix("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH"))
        #expect(sig.hasSuffix("\n-----END SSH SIGNATURE-----"))
        #expect(text(commit.message) == "Signierter Commit\n\nZweiter Absatz.\n")
        #expect(text(commit.summary) == "Signierter Commit")
    }

    @Test func encodingHeaderAndLatin1Message() throws {
        let commit = try Commit.parse(GitSamples.encodedCommit.bytes, algorithm: .sha1)
        #expect(commit.encoding == bytes("ISO-8859-1"))
        // "Menädn Straße" in ISO-8859-1, written with printf by hand.
        #expect(commit.message == [0x4D, 0x65, 0x6E, 0xE4, 0x64, 0x6E, 0x20, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x0A])
        #expect(commit.parents.map(\.hex) == ["b50e9155a3572fcf31aee39a81f4d7ce896517df"])
    }

    @Test func mergeCommitHasTwoParents() throws {
        let commit = try Commit.parse(GitSamples.mergeCommit.bytes, algorithm: .sha1)
        #expect(commit.parents.map(\.hex) == [
            "b49a5ed69f01cdc1f26c604894bd9ce4f5bcbc3b", "fa9a469ee7f94728ee05fa185858a957d0832948",
        ])
    }

    @Test func mergetagHeaderIsMultiLine() throws {
        let commit = try Commit.parse(GitSamples.mergetagCommit.bytes, algorithm: .sha1)
        #expect(commit.extraHeaders.map { text($0.key) } == ["mergetag"])
        let value = text(commit.header("mergetag") ?? [])
        // The embedded tag, including its empty line (written " " in the commit).
        #expect(value.hasPrefix("object fa9a469ee7f94728ee05fa185858a957d0832948\ntype commit\ntag v1s\n"))
        #expect(value.contains("-0530\n\nSignierte Version\n"))
    }

    @Test func sha256Commit() throws {
        let commit = try Commit.parse(GitSamples.commit256.bytes, algorithm: .sha256)
        #expect(commit.tree.hex == "def831bbd155febbaf5f424275d62fe0262f74493a0a2025c121b42fa44be339")
        #expect(commit.parents.map(\.hex) == ["8bb674b202a06b37eeb6f264c0a504e1b058232902cc444f99312ed67de765cf"])
        #expect(throws: ObjectError.self) { try Commit.parse(GitSamples.commit256.bytes, algorithm: .sha1) }
    }

    @Test func buildsTheSameBytesGitWrote() throws {
        let tree = try #require(ObjectID(hex: "c856d9533366064ab9c48610cef235f02362f4ff"))
        let commit = Commit(
            tree: tree, parents: [],
            author: Signature(name: bytes("Anna Müller"), email: bytes("anna@arnsberg.de"), time: 1_700_000_000, offsetMinutes: 60),
            committer: Signature(name: bytes("Olpe Agentur"), email: bytes("agentur@olpe.de"), time: 1_700_000_100, offsetMinutes: -330),
            message: bytes("Erster Führer\n"))
        #expect(HashAlgorithm.sha1.objectID(type: .commit, content: commit.serialized()).hex == GitSamples.rootCommit.id)
    }

    @Test(arguments: [
        "author A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\nm\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee490\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\n\nm\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\ncommitter A <a@b> 1 +0000\n\nm\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@b> 1 +0000\n\nm\n",
        "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000",
        " continuation\n",
    ])
    func rejectsMalformedCommits(content: String) {
        #expect(throws: ObjectError.self) { try Commit.parse(bytes(content), algorithm: .sha1) }
    }
}
