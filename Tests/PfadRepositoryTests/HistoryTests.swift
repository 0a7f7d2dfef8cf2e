import Foundation
import PfadObjects
import PfadStore
import Testing
@testable import PfadRepository

/// Unit tests of the history layer: dates, message pieces, walks, merge
/// bases and decorations, on repositories built through the API.
@Suite struct HistoryTests {
    // Expected strings from git 2.39: `git log -1 --format='%ad|%ai|%aI|%aD|%as'`
    // on commits made with GIT_AUTHOR_DATE set to the given raw date.
    @Test func dateStylesMatchGitOutput() throws {
        let cases: [(Int64, String, [String])] = [
            (1_700_000_000, "+0130", ["Tue Nov 14 23:43:20 2023 +0130", "2023-11-14 23:43:20 +0130",
                                      "2023-11-14T23:43:20+01:30", "Tue, 14 Nov 2023 23:43:20 +0130", "2023-11-14"]),
            (951_782_400, "-0800", ["Mon Feb 28 16:00:00 2000 -0800", "2000-02-28 16:00:00 -0800",
                                    "2000-02-28T16:00:00-08:00", "Mon, 28 Feb 2000 16:00:00 -0800", "2000-02-28"]),
            (4_102_444_799, "+1400", ["Fri Jan 1 13:59:59 2100 +1400", "2100-01-01 13:59:59 +1400",
                                      "2100-01-01T13:59:59+14:00", "Fri, 1 Jan 2100 13:59:59 +1400", "2100-01-01"]),
        ]
        for (time, offset, expected) in cases {
            let o = Array(offset.utf8)
            let got = try [DateStyle.default, .iso, .isoStrict, .rfc, .short].map { try $0.format(time: time, offset: o) }
            #expect(got == expected)
            #expect(try DateStyle.raw.format(time: time, offset: o) == "\(time) \(offset)")
        }
    }

    // Hostile times (any commit can carry them) never trap. Expected values
    // from git 2.39 `git log -1 --format='%ad|%ci'` on commits written with
    // `git hash-object -t commit --literally`.
    @Test func datesOutOfRangeAreErrorsOrTheEpochAsInGit() throws {
        let zone: (String) -> [UInt8] = { Array($0.utf8) }
        #expect(throws: DateStyleError.tooLarge(9_223_372_036_854_825_400)) {
            try DateStyle.default.format(time: 9_223_372_036_854_775_000, offset: zone("+1400"))
        }
        #expect(DateStyleError.tooLarge(9_223_372_036_854_825_400).description == "Timestamp too large for this system: 9223372036854825400")
        #expect(throws: DateStyleError.beforeEpoch(time: 100, zone: -100)) {
            try DateStyle.iso.format(time: 100, offset: zone("-0100"))
        }
        #expect(DateStyleError.beforeEpoch(time: 100, zone: -100).description == "Timestamp before Unix epoch: 100 -100")
        #expect(DateStyleError.beforeEpoch(time: 7, zone: -5).description == "Timestamp before Unix epoch: 7 -005")
        let epoch = ["Thu Jan 1 00:00:00 1970 +0000", "1970-01-01 00:00:00 +0000"]
        for time: Int64 in [Int64.max, 9_223_372_036_854_775_000, 100_000_000_000_000_000, 67_768_036_191_676_800] {
            let shown = [try DateStyle.default.format(time: time, offset: zone("+0000")), try DateStyle.iso.format(time: time, offset: zone("+0000"))]
            #expect(shown == epoch, "\(time)")
        }
        #expect(try DateStyle.default.format(time: 9_223_372_036_854_775_000, offset: zone("-1400")) == epoch[0])
        #expect(try DateStyle.iso.format(time: 67_767_976_233_316_800, offset: zone("+0000")) == "2147483647-12-29 12:00:00 +0000")
        #expect(try DateStyle.default.format(time: 2_147_483_647_000_000, offset: zone("+0000")) == "Sat Sep 27 05:46:40 68053017 +0000")
        #expect(try DateStyle.raw.format(time: Int64.max, offset: zone("+1400")) == "9223372036854775807 +1400")
    }

    // git log --format='%b' on the message "first  line\nsecond\n\n body line\n\n\ttabbed\n"
    // printed " body line\n\n\ttabbed\n" (git 2.39).
    @Test func bodyStartsAfterTheSubjectParagraph() {
        let message = Array("first  line\nsecond\n\n body line\n\n\ttabbed\n".utf8)
        #expect(MessageText.body(message) == Array(" body line\n\n\ttabbed\n".utf8))
        #expect(MessageText.body(Array("only subject\n".utf8)) == [])
        // git log (medium) printed "            tabbed": four spaces, then the tab to column 8.
        #expect(MessageText.indented(Array("\ttabbed".utf8)[...]) == Array("            tabbed".utf8))
    }

    @Test func prettyFormatNames() {
        #expect(PrettyFormat("oneline") == .oneline)
        #expect(PrettyFormat("%H") == .template(Array("%H".utf8), terminator: true))
        #expect(PrettyFormat("format:%H") == .template(Array("%H".utf8), terminator: false))
        #expect(PrettyFormat("nonsense") == nil)
    }

    /// Writes a commit with the given parents and committer time directly.
    static func commit(_ repo: Repository, _ parents: [ObjectID], time: Int64, _ message: String, tree: ObjectID) throws -> ObjectID {
        let who = Signature(name: Array("Anna".utf8), email: Array("a@x".utf8), time: time, offsetMinutes: 60)
        let c = Commit(tree: tree, parents: parents, author: who, committer: who, message: Array((message + "\n").utf8))
        return try repo.objects.write(type: .commit, content: c.serialized())
    }

    /// root ← a ← b ← merge(b, s2);  root ← s1 ← s2 (side, older dates).
    /// The expected orders below were printed by git 2.39 for the same shape
    /// made with `git commit-tree` and the same committer times
    /// (`git log [--topo-order|--first-parent -n 3] merge`, `merge ^b`).
    static func diamond(_ t: TestRepository) throws -> [String: ObjectID] {
        let repo = t.repository
        let tree = try repo.objects.write(type: .tree, content: [])
        let root = try commit(repo, [], time: 100, "root", tree: tree)
        let a = try commit(repo, [root], time: 200, "a", tree: tree)
        let s1 = try commit(repo, [root], time: 150, "s1", tree: tree)
        let b = try commit(repo, [a], time: 300, "b", tree: tree)
        let s2 = try commit(repo, [s1], time: 250, "s2", tree: tree)
        let merge = try commit(repo, [b, s2], time: 400, "merge", tree: tree)
        return ["root": root, "a": a, "s1": s1, "b": b, "s2": s2, "merge": merge]
    }

    /// The id named `name` in a test graph.
    static func id(_ ids: [String: ObjectID], _ name: String) throws -> ObjectID {
        try #require(ids[name])
    }

    static func ids(_ ids: [String: ObjectID], _ names: [String]) throws -> [ObjectID] {
        try names.map { try id(ids, $0) }
    }

    @Test func defaultWalkIsByCommitDate() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let ids = try Self.diamond(t)
        let walk = try RevisionWalk(cache: CommitCache(t.repository), include: [try Self.id(ids, "merge")])
        // Newest commit date first: merge 400, b 300, s2 250, a 200, s1 150, root 100.
        #expect(try walk.all() == (try Self.ids(ids, ["merge", "b", "s2", "a", "s1", "root"])))
    }

    @Test func topologicalOrderKeepsLinesTogether() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let ids = try Self.diamond(t)
        var options = WalkOptions()
        options.order = .topological
        let walk = try RevisionWalk(cache: CommitCache(t.repository), include: [try Self.id(ids, "merge")], options: options)
        let order = try walk.all()
        // Every parent after all its children, and the side line not interleaved.
        #expect(order == (try Self.ids(ids, ["merge", "s2", "s1", "b", "a", "root"])))
    }

    @Test func exclusionAndFirstParent() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let ids = try Self.diamond(t)
        let cache = CommitCache(t.repository)
        let range = try RevisionWalk(cache: cache, include: [try Self.id(ids, "merge")], exclude: [try Self.id(ids, "b")]).all()
        #expect(range == (try Self.ids(ids, ["merge", "s2", "s1"])))
        var options = WalkOptions()
        options.firstParentOnly = true
        options.maxCount = 3
        let first = try RevisionWalk(cache: CommitCache(t.repository), include: [try Self.id(ids, "merge")], options: options).all()
        #expect(first == (try Self.ids(ids, ["merge", "b", "a"])))
        options.reverse = true
        let reversed = try RevisionWalk(cache: CommitCache(t.repository), include: [try Self.id(ids, "merge")], options: options).all()
        #expect(reversed == (try Self.ids(ids, ["a", "b", "merge"])))
    }

    @Test func mergeBases() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let ids = try Self.diamond(t)
        let finder = MergeBase(cache: CommitCache(t.repository))
        #expect(try finder.bases((try Self.id(ids, "b")), [try Self.id(ids, "s2")]) == [try Self.id(ids, "root")])
        #expect(try finder.bases((try Self.id(ids, "merge")), [try Self.id(ids, "s2")]) == [try Self.id(ids, "s2")])
        #expect(try finder.isAncestor((try Self.id(ids, "s1")), of: (try Self.id(ids, "merge"))))
        #expect(try !finder.isAncestor((try Self.id(ids, "merge")), of: (try Self.id(ids, "s1"))))
    }

    @Test func pathLimitingHidesCommitsThatDoNotTouchThePath() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("guides/olpe.md", "1\n")
        try t.addAll()
        let first = try t.commit("olpe 1")
        try t.write("README.md", "readme\n")
        try t.addAll()
        _ = try t.commit("readme")
        try t.write("guides/olpe.md", "2\n")
        try t.addAll()
        let third = try t.commit("olpe 2")
        var options = WalkOptions()
        options.paths = [Array("guides".utf8)]
        let head = try #require(try t.repository.refs.resolve(Array("HEAD".utf8)))
        let walk = try RevisionWalk(cache: CommitCache(t.repository), include: [head], options: options)
        #expect(try walk.all() == [third, first])
    }

    @Test func reflogSelectorsResolve() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a", "1\n")
        try t.addAll()
        let one = try t.commit("one")
        try t.write("a", "2\n")
        try t.addAll()
        let two = try t.commit("two")
        let parser = RevisionParser(t.repository)
        #expect(try parser.resolve("HEAD@{0}") == two)
        #expect(try parser.resolve("HEAD@{1}") == one)
        #expect(try parser.resolve("main@{1}") == one)
        #expect(try parser.resolve("@{1}") == one)
        #expect(try parser.resolve("HEAD@{2}") == nil)
        #expect(try parser.resolve("HEAD@{1}~0") == one)
    }
}
