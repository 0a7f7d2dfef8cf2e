import PfadTestSupport
import Testing
@testable import PfadDiff

@Suite struct PatchApplierTests {
    /// Patches pfad renders must apply back (property over random texts).
    @Test func ownPatchesRoundTrip() throws {
        var rng = SeededGenerator(seed: 31)
        let pool = ["Arnsberg", "Olpe", "", "Soest", "}", "Menden"]
        for round in 0..<200 {
            let a = (0..<Int.random(in: 0..<30, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
            let b = (0..<Int.random(in: 0..<30, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
            var old = Fixture.text(a)
            var new = Fixture.text(b)
            if round % 5 == 0, !old.isEmpty { old.removeLast() }
            if round % 7 == 0, !new.isEmpty { new.removeLast() }
            let patch = FilePatch(
                old: FileSide(path: Array("x".utf8), mode: 0o100644, content: old, abbreviatedID: Array("1111111".utf8)),
                new: FileSide(path: Array("x".utf8), mode: 0o100644, content: new, abbreviatedID: Array("2222222".utf8)),
                algorithm: round % 2 == 0 ? .myers : .histogram
            ).patch(options: UnifiedDiffOptions(context: round % 4))
            guard !patch.isEmpty else {
                #expect(old == new)
                continue
            }
            let parsed = try #require(try PatchParser.parse(patch).first)
            #expect(try PatchApplier.apply(parsed, to: old, path: Array("x".utf8)) == new, "round \(round)")
            #expect(try PatchApplier.apply(parsed.reversed, to: new, path: Array("x".utf8)) == old, "round \(round)")
        }
    }

    @Test func appliesWithOffset() throws {
        let patch = try #require(try PatchParser.parse(Array("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n".utf8)).first)
        let out = try PatchApplier.apply(patch, to: Array("z\nz\na\nb\n".utf8), path: Array("x".utf8))
        #expect(out == Array("z\nz\na\nB\n".utf8))
    }

    @Test func refusesMismatchedContext() throws {
        let patch = try #require(try PatchParser.parse(Array("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n".utf8)).first)
        #expect(throws: DiffError.self) {
            try PatchApplier.apply(patch, to: Array("a\nc\n".utf8), path: Array("x".utf8))
        }
    }
}
