import Foundation
import PfadDiff
import PfadObjects
import Testing
@testable import PfadRepository

@Suite struct BlameTests {
    /// -L forms resolved as git 2.39 resolved them on a 5-line file (run by
    /// hand: `git blame -L 3,1 g` shows lines 1-3, `-L 5,20` line 5,
    /// `-L 5,-2` lines 4-5, `-L 5,+2` on a longer file 5-6, `-L 2` 2-end,
    /// `-L ,2` 1-2).
    @Test func lineRangesResolveLikeGit() throws {
        func resolve(_ text: String, _ count: Int = 5) throws -> Range<Int>? {
            try BlameLineRange(text)?.resolve(lineCount: count, path: "g")
        }
        #expect(try resolve("2,3") == 1..<3)
        #expect(try resolve("3,1") == 0..<3)
        #expect(try resolve("5,20") == 4..<5)
        #expect(try resolve("5,-2") == 3..<5)
        #expect(try resolve("5,+2", 12) == 4..<6)
        #expect(try resolve("2") == 1..<5)
        #expect(try resolve(",2") == 0..<2)
        #expect(BlameLineRange("/regex/") == nil)
        // Huge counts clamp to the end instead of overflowing.
        #expect(try resolve("2,+\(Int.max)") == 1..<5)
        // Messages as git prints them after "fatal: ".
        #expect(throws: RepositoryError.other("file g has only 5 lines")) { try resolve("9,10") }
        #expect(throws: RepositoryError.other("-L invalid line number: 0")) { try resolve("0,2") }
        #expect(throws: RepositoryError.other("-L invalid empty range")) { try resolve("2,+0") }
    }

    /// Unchanged child lines pass to the parent renumbered; changed ones stay.
    @Test func splitPassesUnchangedLinesRenumbered() {
        // Parent: a b c d e; child: a X c d Y e (b→X, Y inserted before e).
        let script = EditScript(
            oldCount: 5, newCount: 6,
            chunks: [DiffChunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 1), DiffChunk(oldStart: 4, oldCount: 0, newStart: 4, newCount: 1)])
        let pieces = [BlamePiece(finalStart: 10, count: 6, sourceStart: 0)]
        let (passed, kept) = BlameWalk.split(pieces, by: script)
        #expect(passed == [
            BlamePiece(finalStart: 10, count: 1, sourceStart: 0),
            BlamePiece(finalStart: 12, count: 2, sourceStart: 2),
            BlamePiece(finalStart: 15, count: 1, sourceStart: 4),
        ])
        #expect(kept == [BlamePiece(finalStart: 11, count: 1, sourceStart: 1), BlamePiece(finalStart: 14, count: 1, sourceStart: 4)])
    }

    /// Results join neighbouring runs of one commit only when their source
    /// lines continue (git's porcelain groups).
    @Test func resultJoinsContinuingRuns() throws {
        let id = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let entries = [
            BlameEntry(finalStart: 2, count: 1, sourceStart: 5, commit: id, path: Array("f".utf8)),
            BlameEntry(finalStart: 0, count: 2, sourceStart: 3, commit: id, path: Array("f".utf8)),
            BlameEntry(finalStart: 3, count: 1, sourceStart: 0, commit: id, path: Array("f".utf8)),
        ]
        let result = BlameResult(path: Array("f".utf8), content: Array("1\n2\n3\n4\n".utf8), entries: entries, commits: [:])
        #expect(result.entries.map(\.finalStart) == [0, 3])
        #expect(result.entries.map(\.count) == [3, 1])
    }

    @Test func summaryIsTheFirstLine() {
        // git blame --porcelain printed "summary line one" for this message.
        #expect(BlameCommitInfo.summaryLine(of: Array("line one\nline two\n\nbody\n".utf8)) == Array("line one".utf8))
    }

    /// The history of the first experiment with git (a b c; b→B, +d;
    /// renamed f→g, +e): git attributed a, c to the root (boundary), B, d
    /// to the second commit (previous: root, f) and e to the third (previous:
    /// second, f), with source lines 1, 2, 3, 4 in f and 5 in g.
    @Test func attributionFollowsEditsAndRenames() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("f", "a\nb\nc\n")
        try t.addAll()
        let first = try t.commit("first line\nbody")
        try t.write("f", "a\nB\nc\nd\n")
        try t.addAll()
        let second = try t.commit("second")
        try FileManager.default.removeItem(atPath: t.root + "/f")
        try t.write("g", "a\nB\nc\nd\ne\n")
        try t.addAll()
        let third = try t.commit("third")
        let repository = try t.reopened()
        let operation = BlameOperation(repository: repository)
        let file = try #require(try operation.file(at: Array("g".utf8), in: third))
        let result = try operation.run(path: Array("g".utf8), commit: third, blob: file.blob, content: file.content)
        let perLine = result.entries.flatMap { e in (0..<e.count).map { (e.commit, String(decoding: e.path, as: UTF8.self), e.sourceStart + $0) } }
        #expect(perLine.map(\.0) == [first, second, first, second, third])
        #expect(perLine.map(\.1) == ["f", "f", "f", "f", "g"])
        #expect(perLine.map(\.2) == [0, 1, 2, 3, 4])
        #expect(result.commits[first]?.isBoundary == true)
        #expect(result.commits[first]?.summary == Array("first line".utf8))
        #expect(result.commits[second]?.previous?.commit == first)
        #expect(result.commits[third]?.previous?.commit == second)
        #expect(result.commits[third]?.previous?.path == Array("f".utf8))
        // --root: the root is no boundary.
        let rooted = try BlameOperation(repository: repository, showRoot: true)
            .run(path: Array("g".utf8), commit: third, blob: file.blob, content: file.content, lines: [0..<1])
        #expect(rooted.entries.count == 1 && rooted.entries.first?.commit == first)
        #expect(rooted.commits[first]?.isBoundary == false)
    }

    /// Work-tree blame: new lines go to the null id, the rest to history.
    @Test func workTreeLinesGoToThePseudoCommit() throws {
        let t = try TestRepository(algorithm: .sha256)
        defer { t.remove() }
        try t.write("soest.md", "Wälle\nKirchen\n")
        try t.addAll()
        let head = try t.commit("Soest")
        let repository = try t.reopened()
        let result = try BlameOperation(repository: repository).runWorkTree(
            path: Array("soest.md".utf8), content: Array("Wälle\nTore\nKirchen\n".utf8), head: head,
            now: (1_800_000_000, Array("+0000".utf8)))
        let null = HashAlgorithm.sha256.nullID
        #expect(result.entries.map(\.commit) == [head, null, head])
        #expect(result.commits[null]?.author.name == Array("Not Committed Yet".utf8))
        #expect(result.commits[null]?.summary == Array("Version of soest.md from soest.md".utf8))
        #expect(result.commits[null]?.previous?.commit == head)
    }
}
