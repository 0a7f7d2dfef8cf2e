import PfadTestSupport
import Testing
@testable import PfadDiff

@Suite struct ThreeWayMergeTests {
    static func text(_ lines: [String]) -> [UInt8] { Fixture.text(lines) }

    static func labelled(_ style: ConflictStyle = .merge) -> MergeOptions {
        MergeOptions(
            style: style, currentLabel: Array("ours".utf8), baseLabel: Array("base".utf8),
            otherLabel: Array("theirs".utf8))
    }

    @Test func identicalSidesMergeToThemselves() {
        var rng = SeededGenerator(seed: 21)
        let pool = ["Arnsberg", "Olpe", "", "Soest", "}", "Menden"]
        for _ in 0..<200 {
            let base = (0..<Int.random(in: 0..<20, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
            let side = (0..<Int.random(in: 0..<20, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
            for style in ConflictStyle.allCases {
                let result = ThreeWayMerge.merge(
                    base: Self.text(base), current: Self.text(side), other: Self.text(side),
                    options: MergeOptions(style: style))
                #expect(result.content == Self.text(side))
                #expect(result.conflicts == 0)
            }
        }
    }

    @Test func separateEditsBothLand() {
        // Base of distinct lines; ours edits the first half, theirs the
        // second, with an untouched line between the edited blocks.
        var rng = SeededGenerator(seed: 8)
        for round in 0..<200 {
            let count = Int.random(in: 4..<40, using: &rng)
            let base = (0..<count).map { "line \($0)" }
            let split = Int.random(in: 1..<(count - 2), using: &rng)
            var ours = base
            var theirs = base
            var expected = base
            let a = Int.random(in: 0..<split, using: &rng)
            let b = Int.random(in: (split + 1)..<count, using: &rng)
            // theirs first so that indices in `expected` stay valid
            theirs[b] = "theirs \(round)"
            expected[b] = "theirs \(round)"
            if round % 2 == 0 {
                ours[a] = "ours \(round)"
                expected[a] = "ours \(round)"
            } else {
                ours.insert("ours \(round)", at: a)
                expected.insert("ours \(round)", at: a)
            }
            let result = ThreeWayMerge.merge(base: Self.text(base), current: Self.text(ours), other: Self.text(theirs))
            #expect(result.conflicts == 0, "round \(round)")
            #expect(result.content == Self.text(expected), "round \(round)")
        }
    }

    @Test func unchangedSideTakesTheOther() {
        let base = Self.text(["a", "b", "c"])
        let changed = Self.text(["a", "B", "c", "d"])
        #expect(ThreeWayMerge.merge(base: base, current: base, other: changed).content == changed)
        #expect(ThreeWayMerge.merge(base: base, current: changed, other: base).content == changed)
    }

    @Test func touchingChangesConflictAsInGit() {
        // `git merge-file -p ours base theirs` (git 2.39, run by hand).
        let result = ThreeWayMerge.merge(
            base: Self.text(["a", "b", "c", "d", "e"]), current: Self.text(["a", "B", "c", "d", "e"]),
            other: Self.text(["a", "b", "C", "d", "e"]), options: Self.labelled())
        let expected = "a\n<<<<<<< ours\nB\nc\n=======\nb\nC\n>>>>>>> theirs\nd\ne\n"
        #expect(String(decoding: result.content, as: UTF8.self) == expected)
        #expect(result.conflicts == 1)
    }

    @Test func nearbyConflictsJoinAndFarOnesStaySplit() {
        // Both from git 2.39 merge-file runs by hand.
        let base = Self.text(["a", "b", "c", "d", "e", "f", "g", "h"])
        let joined = ThreeWayMerge.merge(
            base: base, current: Self.text(["X", "b", "c", "d", "Y", "f", "g", "h"]),
            other: Self.text(["Z", "b", "c", "d", "W", "f", "g", "h"]), options: Self.labelled())
        #expect(String(decoding: joined.content, as: UTF8.self)
            == "<<<<<<< ours\nX\nb\nc\nd\nY\n=======\nZ\nb\nc\nd\nW\n>>>>>>> theirs\nf\ng\nh\n")
        #expect(joined.conflicts == 1)
        let split = ThreeWayMerge.merge(
            base: base, current: Self.text(["X", "b", "c", "d", "e", "Y", "g", "h"]),
            other: Self.text(["Z", "b", "c", "d", "e", "W", "g", "h"]), options: Self.labelled())
        #expect(String(decoding: split.content, as: UTF8.self)
            == "<<<<<<< ours\nX\n=======\nZ\n>>>>>>> theirs\nb\nc\nd\ne\n<<<<<<< ours\nY\n=======\nW\n>>>>>>> theirs\ng\nh\n")
        #expect(split.conflicts == 2)
    }

    @Test func diff3ShowsBaseAndMissingNewlineIsClosed() {
        // git 2.39: `git merge-file -p --diff3` with ours "a\nb\nc" (no final newline).
        let result = ThreeWayMerge.merge(
            base: Array("a\nb\n".utf8), current: Array("a\nb\nc".utf8), other: Array("a\nb\nd".utf8),
            options: Self.labelled(.diff3))
        #expect(String(decoding: result.content, as: UTF8.self)
            == "a\nb\n<<<<<<< ours\nc\n||||||| base\n=======\nd\n>>>>>>> theirs\n")
    }

    @Test func favorOptionsResolve() {
        let base = Self.text(["a", "b", "c"])
        let ours = Self.text(["a", "O", "c"])
        let theirs = Self.text(["a", "T", "c"])
        #expect(ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: MergeOptions(favor: .ours)).content == ours)
        #expect(ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: MergeOptions(favor: .theirs)).content == theirs)
        let union = ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: MergeOptions(favor: .union))
        #expect(union.content == Self.text(["a", "O", "T", "c"]))
        #expect(union.conflicts == 0)
    }

    @Test func crlfFilesGetCRLFMarkers() {
        // git 2.39 `merge-file -p --diff3` on CRLF files (run by hand).
        let result = ThreeWayMerge.merge(
            base: Array("a\r\nb\r\nc\r\n".utf8), current: Array("a\r\nB\r\nc\r\n".utf8),
            other: Array("a\r\nX\r\nc\r\n".utf8), options: Self.labelled(.diff3))
        #expect(String(decoding: result.content, as: UTF8.self)
            == "a\r\n<<<<<<< ours\r\nB\r\n||||||| base\r\nb\r\n=======\r\nX\r\n>>>>>>> theirs\r\nc\r\n")
        // Mixed endings at the top of the file: LF markers, as git.
        let mixed = ThreeWayMerge.merge(
            base: Array("a\nb\nc\n".utf8), current: Array("a\r\nB\r\nc\r\n".utf8),
            other: Array("a\nX\nc\n".utf8), options: Self.labelled())
        #expect(String(decoding: mixed.content, as: UTF8.self)
            == "<<<<<<< ours\na\r\nB\r\nc\r\n=======\na\nX\nc\n>>>>>>> theirs\n")
    }

    @Test func identicalChangesDoNotSeparateConflicts() {
        // Both sides delete the same line between two conflicts; git 2.39
        // (`merge-file -p`, run by hand) joins the conflicts across it.
        let base = Self.text(["b", "c", "Olpe", "a", "c", "Olpe", "}", "c", "b", "Olpe", "Olpe", "b", "}"])
        let ours = Self.text(["b", "a", "c", "b", "Olpe", "b", "Olpe", "}"])
        let theirs = Self.text(["b", "c", "Olpe", "a", "c", "Soest x", "}", "c", "b", "Olpe", "b", "", "Soest x"])
        let result = ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: Self.labelled())
        let expected = "b\na\nc\n<<<<<<< ours\nb\nOlpe\nb\nOlpe\n}\n=======\nSoest x\n}\nc\nb\nOlpe\nb\n\nSoest x\n>>>>>>> theirs\n"
        #expect(String(decoding: result.content, as: UTF8.self) == expected)
        #expect(result.conflicts == 1)
    }

    @Test func sameResultFromDifferentBaseLines() {
        // Ours and theirs each delete a different one of two equal base lines.
        // git 2.39 (run by hand): merge style resolves it and keeps the
        // conflicts around it apart; diff3 shows it as a conflict.
        let base = Self.text(["a", "", "Olpe", "d", "Menden y", "}", "}", "Menden y", "b", "a", "Olpe", "}", "a", "Olpe", "Olpe", "--", "Menden y", "", "a", "}"])
        let ours = Self.text(["a", "", "Olpe", "d", "Menden y", "}", "}", "Menden y", "b", "a", "Olpe", "Soest x", "a", "a", "Olpe", "--", "Menden 1", "", "a", "}"])
        let theirs = Self.text(["a", "", "Olpe", "d", "Menden y", "}", "}", "Menden y", "b", "a", "Olpe", "a", "Olpe", "--", "Menden 2", "", "a", "}"])
        let merged = ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: Self.labelled())
        #expect(merged.conflicts == 2)
        #expect(String(decoding: merged.content, as: UTF8.self).contains(
            "<<<<<<< ours\nSoest x\na\n=======\n>>>>>>> theirs\na\nOlpe\n--\n<<<<<<< ours\nMenden 1\n=======\nMenden 2\n>>>>>>> theirs\n"))
        let diff3 = ThreeWayMerge.merge(base: base, current: ours, other: theirs, options: Self.labelled(.diff3))
        #expect(diff3.conflicts == 3)
        #expect(String(decoding: diff3.content, as: UTF8.self).contains(
            "a\n<<<<<<< ours\nOlpe\n||||||| base\nOlpe\nOlpe\n=======\nOlpe\n>>>>>>> theirs\n--\n"))
    }
}
