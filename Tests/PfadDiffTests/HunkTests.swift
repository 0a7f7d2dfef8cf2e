import Testing
@testable import PfadDiff

@Suite struct HunkTests {
    @Test func rangeHeaderFollowsGitConventions() {
        // Headers as printed by git 2.39 for these shapes (run by hand).
        #expect(String(decoding: Hunk(oldStart: 0, oldCount: 0, newStart: 0, newCount: 1, chunks: []).rangeHeader, as: UTF8.self)
            == "@@ -0,0 +1 @@")
        #expect(String(decoding: Hunk(oldStart: 0, oldCount: 1, newStart: 0, newCount: 0, chunks: []).rangeHeader, as: UTF8.self)
            == "@@ -1 +0,0 @@")
        #expect(String(decoding: Hunk(oldStart: 10, oldCount: 3, newStart: 10, newCount: 4, chunks: []).rangeHeader, as: UTF8.self)
            == "@@ -11,3 +11,4 @@")
    }

    @Test func nearbyChangesShareAHunk() {
        // Changes 6 lines apart merge with 3 lines of context, 7 apart do not
        // (git 2.39: `seq`-like files, lines 2 and 9 vs 2 and 10 changed).
        let close = EditScript(oldCount: 14, newCount: 14, chunks: [
            DiffChunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 1),
            DiffChunk(oldStart: 8, oldCount: 1, newStart: 8, newCount: 1),
        ])
        #expect(Hunk.group(close, context: 3).count == 1)
        let far = EditScript(oldCount: 14, newCount: 14, chunks: [
            DiffChunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 1),
            DiffChunk(oldStart: 9, oldCount: 1, newStart: 9, newCount: 1),
        ])
        let hunks = Hunk.group(far, context: 3)
        #expect(hunks.count == 2)
        #expect(String(decoding: hunks[0].rangeHeader, as: UTF8.self) == "@@ -1,5 +1,5 @@")
        #expect(String(decoding: hunks[1].rangeHeader, as: UTF8.self) == "@@ -7,7 +7,7 @@")
    }

    @Test func hugeContextCountsAreTheWholeFile() {
        // `diff -U4611686018427387904` and a huge --inter-hunk-context used
        // to overflow `2 * context` (issue 18): now one hunk over all 14 lines.
        let far = EditScript(oldCount: 14, newCount: 14, chunks: [
            DiffChunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 1),
            DiffChunk(oldStart: 9, oldCount: 1, newStart: 9, newCount: 1),
        ])
        for (context, inter) in [(Int.max, 0), (Int.max / 2 + 1, Int.max), (0, Int.max)] {
            let hunks = Hunk.group(far, context: context, interHunkContext: inter)
            #expect(hunks.count == 1)
        }
        let whole = Hunk.group(far, context: Int.max)
        #expect(String(decoding: whole[0].rangeHeader, as: UTF8.self) == "@@ -1,14 +1,14 @@")
    }
}

@Suite struct FunctionContextHunkTests {
    // Sections "Alpha", "Beta", "Gamma" separated by blank lines; hunks from
    // `git diff --no-index -W` (git 2.39, run by hand).
    static let old = Fixture.text(["Alpha", " a1", " a2", "", "Beta", " b1", " b2", " b3", " b4", " b5", " b6", "", "Gamma", " g1", " g2"])

    static func headers(replacing index: Int, with line: String) -> [String] {
        var lines = ["Alpha", " a1", " a2", "", "Beta", " b1", " b2", " b3", " b4", " b5", " b6", "", "Gamma", " g1", " g2"]
        lines[index] = line
        let diff = TextDiff(old: old, new: Fixture.text(lines))
        var options = UnifiedDiffOptions()
        options.wholeFunctions = true
        return String(decoding: UnifiedDiff.render(diff, options: options), as: UTF8.self)
            .split(separator: "\n").filter { $0.hasPrefix("@@") }.map(String.init)
    }

    @Test func hunksSpanTheWholeSection() {
        #expect(Self.headers(replacing: 8, with: " B4") == ["@@ -5,8 +5,8 @@ Alpha"])
        #expect(Self.headers(replacing: 1, with: " A1") == ["@@ -1,5 +1,5 @@"])
        #expect(Self.headers(replacing: 14, with: " G2") == ["@@ -12,4 +12,4 @@ Beta"])
    }
}
