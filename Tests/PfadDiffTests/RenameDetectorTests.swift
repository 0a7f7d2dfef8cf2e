import Testing
@testable import PfadDiff

@Suite struct RenameDetectorTests {
    static func candidate(_ path: String, _ lines: [String]) -> RenameCandidate {
        RenameCandidate(path: Array(path.utf8), content: Fixture.text(lines))
    }

    static let guide = (1...20).map { "Zeile \($0) über den Möhnesee" }

    @Test func identicalContentScoresHundred() {
        #expect(RenameDetector.similarity(Fixture.text(Self.guide), Fixture.text(Self.guide)) == 100)
    }

    @Test func scoreFollowsSharedBytes() {
        // 10 equal-length lines, one replaced by a line of equal length: 9/10 shared.
        let a = (0..<10).map { "line \($0)" }
        var b = a
        b[3] = "LINE 3"
        #expect(RenameDetector.similarity(Fixture.text(a), Fixture.text(b)) == 90)
        #expect(RenameDetector.similarity(Fixture.text(a), Fixture.text(["other"])) == 0)
    }

    @Test func pairsBestMatchesOnce() {
        var edited = Self.guide
        edited[0] = "Neue erste Zeile"
        let deleted = [Self.candidate("arnsberg/alt.md", Self.guide), Self.candidate("olpe/weg.md", ["ganz", "anders"])]
        let added = [
            Self.candidate("menden/x.md", ["nichts", "gemeinsam"]),
            Self.candidate("arnsberg/neu.md", edited),
            Self.candidate("arnsberg/kopie.md", Self.guide),
        ]
        let pairs = RenameDetector.detect(deleted: deleted, added: added)
        // The exact copy wins over the edited file; nothing else reaches 50%.
        #expect(pairs == [RenamePair(deletedIndex: 0, addedIndex: 2, score: 100)])
    }

    @Test func thresholdIsRespected() {
        let a = (0..<10).map { "line \($0)" }
        let b = Array(a[0..<4]) + (4..<10).map { "other \($0)" }
        let deleted = [RenameCandidate(path: Array("a".utf8), content: Fixture.text(a))]
        let added = [RenameCandidate(path: Array("b".utf8), content: Fixture.text(b))]
        #expect(RenameDetector.detect(deleted: deleted, added: added).isEmpty)
        #expect(RenameDetector.detect(deleted: deleted, added: added, minimumScore: 30).count == 1)
    }

    @Test func emptyFilesNeverPair() {
        let deleted = [RenameCandidate(path: Array("a".utf8), content: [])]
        let added = [RenameCandidate(path: Array("b".utf8), content: [])]
        #expect(RenameDetector.detect(deleted: deleted, added: added).isEmpty)
    }

    @Test func scoresEqualGitsSimilarityIndex() {
        // `git diff --no-index` (git 2.39, run by hand) printed
        // "similarity index 94%" for seq 1 20 -> seq 1 21 and 69% for this pair.
        let twenty = Fixture.text((1...20).map(String.init))
        let twentyOne = Fixture.text((1...21).map(String.init))
        #expect(RenameDetector.similarity(twenty, twentyOne) == 94)
        let a = Fixture.text(["Intro", "line1", "line2", "# Head", "  x", "b", "c", "d", "e", "f", "g", "h", "i"])
        let b = Fixture.text(["Intro", "line1", "line2 changed", "# Head", "  x", "b", "c", "d", "e", "f", "g", "h", "i"])
            + Array("new".utf8)
        #expect(RenameDetector.similarity(a, b) == 69)
    }

    @Test func longLinesCountIn64ByteChunks() {
        // Same 128-byte line except the last byte: the first 64-byte chunk is shared.
        let a = [UInt8](repeating: 0x61, count: 127) + [0x62, 0x0A]
        let b = [UInt8](repeating: 0x61, count: 127) + [0x63, 0x0A]
        // git 2.39 printed R050 for this pair (`-M1% --name-status`, run by hand).
        #expect(RenameDetector.similarity(a, b) == 50)
    }
}
