import Testing
@testable import PfadObjects

/// The merge commit of a signed tag shown in git's
/// `Documentation/gitformat-signature.txt` ("Mergetag signatures"); lines
/// marked with `$` there end in a space. The document gives its id
/// (`commit 9863f0c76ff78712b6800e199a46aa56afbcbd49` in the `git show` output).
@Suite struct CommitDocumentationTests {
    static let documented = """
        tree c7b1cff039a93f3600a1d18b82d26688668c7dea
        parent c33429be94b5f2d3ee9b0adad223f877f174b05d
        parent 04b871796dc0420f8e7561a895b52484b701d51a
        author A U Thor <author@example.com> 1465982009 +0000
        committer C O Mitter <committer@example.com> 1465982009 +0000
        mergetag object 04b871796dc0420f8e7561a895b52484b701d51a
         type commit
         tag signedtag
         tagger C O Mitter <committer@example.com> 1465981006 +0000
         $
         signed tag
         $
         signed tag message body
         -----BEGIN PGP SIGNATURE-----
         Version: GnuPG v1
         $
         iQEcBAABAgAGBQJXYRhOAAoJEGEJLoW3InGJklkIAIcnhL7RwEb/+QeX9enkXhxn
         rxfdqrvWd1K80sl2TOt8Bg/NYwrUBw/RWJ+sg/hhHp4WtvE1HDGHlkEz3y11Lkuh
         8tSxS3qKTxXUGozyPGuE90sJfExhZlW4knIQ1wt/yWqM+33E9pN4hzPqLwyrdods
         q8FWEqPPUbSJXoMbRPw04S5jrLtZSsUWbRYjmJCHzlhSfFWW4eFd37uquIaLUBS0
         rkC3Jrx7420jkIpgFcTI2s60uhSQLzgcCwdA2ukSYIRnjg/zDkj8+3h/GaROJ72x
         lZyI6HWixKJkWw8lE9aAOD9TmTW9sFJwcVAzmAuFX2kUreDUKMZduGcoRYGpD7E=
         =jpXa
         -----END PGP SIGNATURE-----

        Merge tag 'signedtag' into downstream

        signed tag

        signed tag message body

        # gpg: Signature made Wed Jun 15 08:56:46 2016 UTC using RSA key ID B7227189
        # gpg: Good signature from "Eris Discordia <discord@example.net>"
        # gpg: WARNING: This key is not certified with a trusted signature!
        # gpg:          There is no indication that the signature belongs to the owner.
        # Primary key fingerprint: D4BE 2231 1AD3 131E 5EDA  29A4 6109 2E85 B722 7189

        """

    /// The object bytes: `$` markers removed, leaving the trailing space.
    static var content: [UInt8] { bytes(documented).filter { $0 != 0x24 } }

    @Test func documentedMergetagCommitRoundTrips() throws {
        let commit = try Commit.parse(Self.content, algorithm: .sha1)
        #expect(commit.serialized() == Self.content)
        #expect(HashAlgorithm.sha1.objectID(type: .commit, content: commit.serialized()).hex
            == "9863f0c76ff78712b6800e199a46aa56afbcbd49")
        #expect(commit.parents.count == 2)
        #expect(text(commit.summary) == "Merge tag 'signedtag' into downstream")
        #expect(ObjectChecker.check(type: .commit, content: Self.content, algorithm: .sha1, strict: true).isEmpty)
    }

    @Test func embeddedTagParses() throws {
        let commit = try Commit.parse(Self.content, algorithm: .sha1)
        let embedded = try #require(commit.header("mergetag"))
        let tag = try Tag.parse(embedded + [0x0A], algorithm: .sha1)
        #expect(tag.name == bytes("signedtag"))
        #expect(tag.object.hex == "04b871796dc0420f8e7561a895b52484b701d51a")
        #expect(text(tag.message).hasPrefix("signed tag\n\nsigned tag message body\n-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1\n\niQEc"))
    }
}
