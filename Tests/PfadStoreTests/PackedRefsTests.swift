import PfadObjects
import Testing
@testable import PfadStore

@Suite struct PackedRefsTests {
    /// `.git/packed-refs` written by `git pack-refs --all` (git 2.39) after one
    /// commit, an annotated tag v1 and a branch feature.
    static let gitFile = [UInt8](
        """
        # pack-refs with: peeled fully-peeled sorted 
        d35f457bdf464a54e7097e3e8ab20dc1e2e22251 refs/heads/feature
        d35f457bdf464a54e7097e3e8ab20dc1e2e22251 refs/heads/main
        426e5f9b5e72fb2437ef724083cd7fe67c020586 refs/tags/v1
        ^d35f457bdf464a54e7097e3e8ab20dc1e2e22251

        """)

    @Test func parsesGitsFileWithPeeledLines() throws {
        let packed = try PackedRefs.parse(Self.gitFile, algorithm: .sha1, path: "packed-refs")
        #expect(packed.entries.map { String(decoding: $0.name, as: UTF8.self) } == ["refs/heads/feature", "refs/heads/main", "refs/tags/v1"])
        let tag = try #require(packed.entry(named: [UInt8]("refs/tags/v1")))
        #expect(tag.id.hex == "426e5f9b5e72fb2437ef724083cd7fe67c020586")
        #expect(tag.peeled?.hex == "d35f457bdf464a54e7097e3e8ab20dc1e2e22251")
        #expect(packed.entry(named: [UInt8]("refs/heads/main"))?.peeled == nil)
        #expect(packed.entry(named: [UInt8]("refs/heads/nope")) == nil)
        #expect(packed.serialized() == Self.gitFile)
    }

    @Test func rejectsMalformedLinesWithLineNumber() {
        let bad = Self.gitFile + [UInt8]("not-an-id refs/heads/x\n")
        #expect(throws: StoreError.corruptPackedRefs(path: "p", line: 6, detail: "expected '<id> <ref>'")) {
            _ = try PackedRefs.parse(bad, algorithm: .sha1, path: "p")
        }
        let orphanPeel = [UInt8]("^d35f457bdf464a54e7097e3e8ab20dc1e2e22251\n")
        #expect(throws: StoreError.self) { _ = try PackedRefs.parse(orphanPeel, algorithm: .sha1, path: "p") }
        // A sha1 file read as sha256 is not silently accepted.
        #expect(throws: StoreError.self) { _ = try PackedRefs.parse(Self.gitFile, algorithm: .sha256, path: "p") }
    }

    @Test func sortsUnsortedInput() throws {
        let a = String(repeating: "a", count: 64)
        let b = String(repeating: "b", count: 64)
        let text = [UInt8]("\(b) refs/tags/z\n\(a) refs/heads/a\n")
        let packed = try PackedRefs.parse(text, algorithm: .sha256, path: "p")
        #expect(packed.entries.map(\.id.hex) == [a, b])
        #expect(packed.entry(named: [UInt8]("refs/tags/z"))?.id.hex == b)
    }
}
