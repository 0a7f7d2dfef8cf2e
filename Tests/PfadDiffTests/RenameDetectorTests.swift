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
}
