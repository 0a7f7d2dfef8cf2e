import PfadTestSupport
import Testing
@testable import PfadDiff

@Suite struct PatchParserTests {
    // A patch written by git 2.39 (`git diff --no-index`), pasted.
    static let gitPatch = """
        diff --git a/P/m b/Q/m
        old mode 100644
        new mode 100755
        diff --git a/Q/sub/f b/Q/sub/f
        new file mode 100644
        index 0000000..b478595
        --- /dev/null
        +++ b/Q/sub/f
        @@ -0,0 +1 @@
        +s
        diff --git a/a.txt b/b.txt
        index 7541fef..ab9ce17 100644
        --- a/a.txt
        +++ b/b.txt
        @@ -11,3 +11,4 @@ f
         g
         h
         i
        +new
        \\ No newline at end of file

        """

    @Test func parsesGitHeadersAndHunks() throws {
        let files = try PatchParser.parse(Array(Self.gitPatch.utf8))
        #expect(files.count == 3)
        #expect(files[0].oldMode == 0o100644 && files[0].newMode == 0o100755)
        #expect(files[0].oldPath == Array("P/m".utf8) && files[0].hunks.isEmpty)
        #expect(files[1].isCreation && files[1].oldPath == nil && files[1].newPath == Array("Q/sub/f".utf8))
        #expect(files[2].hunks.count == 1)
        let hunk = try #require(files[2].hunks.first)
        #expect(hunk.oldStart == 11 && hunk.oldCount == 3 && hunk.newStart == 11 && hunk.newCount == 4)
        #expect(hunk.lines.last == .added(Array("new".utf8)))
    }

    @Test func copyHeadersMarkCopies() throws {
        let text = Array("diff --git a/x b/y\nsimilarity index 100%\ncopy from x\ncopy to y\n".utf8)
        let file = try #require(try PatchParser.parse(text).first)
        #expect(file.isCopy)
        #expect(file.oldPath == Array("x".utf8) && file.newPath == Array("y".utf8))
    }

    @Test func rejectsTruncatedHunk() {
        let text = Array("--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n".utf8)
        #expect(throws: DiffError.self) { try PatchParser.parse(text) }
    }

    @Test func unquotesPaths() {
        #expect(PatchParser.unquote(Array("\"a/\\303\\274.txt\"".utf8)) == Array("a/ü.txt".utf8))
        // Bad escapes must not crash.
        #expect(PatchParser.unquote(Array("\"\\3\\9x\\\"".utf8)).count > 0)
    }

    @Test func randomMutationsNeverCrash() {
        // Cut and corrupt a real patch at random places: parse must throw or
        // return, and applying what parses must throw or return.
        var rng = SeededGenerator(seed: 77)
        let base = Array(Self.gitPatch.utf8)
        var parsedSome = 0
        for _ in 0..<500 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: position)
                default: bytes.insert([0x0A, 0x2D, 0x2B, 0x40, 0x20, 0x5C][Int.random(in: 0..<6, using: &rng)], at: position)
                }
            }
            if let files = try? PatchParser.parse(bytes) {
                parsedSome += 1
                for file in files {
                    _ = try? PatchApplier.apply(file, to: Array("g\nh\ni\n".utf8), path: [])
                }
            }
        }
        #expect(parsedSome > 0)
    }

    // Found by the patch fuzz target's audit (issue 18): a signed start such
    // as "--9223372036854775808" reached `oldStart - 1` in the applier.
    @Test func refusesSignedAndOverlongHunkNumbers() {
        for header in ["@@ --9223372036854775808,1 +1 @@", "@@ -+1,1 +1 @@", "@@ -1,1 +-1 @@",
                       "@@ -99999999999999999999,1 +1 @@", "@@ -1, +1 @@"] {
            let patch = Array("--- a/x\n+++ b/x\n\(header)\n-a\n+b\n".utf8)
            #expect(throws: DiffError.malformedPatch(line: 3, reason: "bad hunk header")) { try PatchParser.parse(patch) }
        }
    }
}
