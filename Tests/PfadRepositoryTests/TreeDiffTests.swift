import Foundation
import PfadObjects
import Testing

@testable import PfadRepository

/// Tree, index and work-tree comparisons. Expected letters and scores were
/// taken from git 2.39 on the same history (`git diff --name-status`,
/// pasted in the comments).
@Suite struct TreeDiffTests {
    /// one: a/deep/text.txt (l1..l10), same/s.txt, x.txt, gone.txt, mode.sh
    /// two: text.txt moved to a/moved.txt with l10 → l11, x.txt edited,
    ///      gone.txt deleted, mode.sh executable, a/new.txt added.
    func history() throws -> (TestRepository, ObjectID, ObjectID) {
        let repo = try TestRepository()
        try repo.write("a/deep/text.txt", (1...10).map { "l\($0)\n" }.joined())
        try repo.write("same/s.txt", "same\n")
        try repo.write("x.txt", "x\n")
        try repo.write("gone.txt", "gone\n")
        try repo.write("mode.sh", "m\n")
        try repo.addAll()
        let one = try repo.commit("one")
        try FileManager.default.removeItem(atPath: repo.root + "/a/deep/text.txt")
        try repo.write("a/moved.txt", ((1...9).map { "l\($0)\n" } + ["l11\n"]).joined())
        try repo.write("x.txt", "x\ny\n")
        try FileManager.default.removeItem(atPath: repo.root + "/gone.txt")
        chmod(repo.root + "/mode.sh", 0o755)
        try repo.write("a/new.txt", "new\n")
        try repo.addAll()
        let two = try repo.commit("two")
        return (repo, one, two)
    }

    func lines(_ changes: [TreeChange]) -> [String] {
        changes.map { change in
            let letter = String(UnicodeScalar(change.statusLetter))
            let score = change.similarity.map { String(format: "%03d", $0) } ?? ""
            let paths = change.similarity != nil
                ? [change.old?.path ?? [], change.new?.path ?? []] : [change.path]
            return ([letter + score] + paths.map { String(decoding: $0, as: UTF8.self) }).joined(separator: "\t")
        }
    }

    @Test func treesWithoutRenamesInGitOrder() throws {
        let (repo, one, two) = try history()
        defer { repo.remove() }
        let changes = try TreeDiff(repo.repository).commits(old: one, new: two)
        // git diff --name-status --no-renames HEAD~ HEAD
        #expect(lines(changes) == ["D\ta/deep/text.txt", "A\ta/moved.txt", "A\ta/new.txt", "D\tgone.txt", "M\tmode.sh", "M\tx.txt"])
        let mode = try #require(changes.first { $0.path == Array("mode.sh".utf8) })
        #expect(mode.old?.mode == .regular && mode.new?.mode == .executable && mode.old?.id == mode.new?.id)
    }

    @Test func renamesAsGitScoresThem() throws {
        let (repo, one, two) = try history()
        defer { repo.remove() }
        let raw = try TreeDiff(repo.repository).commits(old: one, new: two)
        let content = { (side: DiffEndpoint) in try repo.repository.readObject(side.id).content }
        // git diff --name-status HEAD~ HEAD
        #expect(try lines(RenameDetection().apply(to: raw, content: content))
            == ["R087\ta/deep/text.txt\ta/moved.txt", "A\ta/new.txt", "D\tgone.txt", "M\tmode.sh", "M\tx.txt"])
        // git diff -M95% --name-status HEAD~ HEAD: no rename
        #expect(try RenameDetection(threshold: 95).apply(to: raw, content: content) == raw)
    }

    @Test func pathspecLimitsAndPrunesFolders() throws {
        let (repo, one, two) = try history()
        defer { repo.remove() }
        let spec = try Pathspec(arguments: ["a"], prefix: [], workTree: repo.root)
        let changes = try TreeDiff(repo.repository, pathspec: spec).commits(old: one, new: two)
        // git diff --name-status --no-renames HEAD~ HEAD -- a
        #expect(lines(changes) == ["D\ta/deep/text.txt", "A\ta/moved.txt", "A\ta/new.txt"])
        let filter = PathFilter(pathspec: try Pathspec(arguments: ["a/deep/text.txt"], prefix: [], workTree: repo.root))
        #expect(filter.mayContain(folder: Array("a".utf8)) && filter.mayContain(folder: Array("a/deep".utf8)))
        #expect(!filter.mayContain(folder: Array("same".utf8)) && !filter.mayContain(folder: Array("a/dee".utf8)))
    }

    @Test func identicalSubtreesAreNeverRead() throws {
        let (repo, one, two) = try history()
        defer { repo.remove() }
        // Remove the loose object of `same/` (equal in both commits): the
        // comparison must still work, so it never opened that tree.
        let root = try repo.repository.readCommit(one).tree
        let same = try #require(try repo.repository.readTree(root).entry(named: Array("same".utf8)))
        let hex = same.id.hex
        let objectPath = repo.repository.gitDirectory + "/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        try FileManager.default.removeItem(atPath: objectPath)
        #expect(try TreeDiff(repo.repository).commits(old: one, new: two).count == 6)
        #expect(throws: RepositoryError.self) { try repo.repository.flattenTree(root) }
    }

    @Test func indexAndWorkTreeComparisons() throws {
        let (repo, _, two) = try history()
        defer { repo.remove() }
        try repo.write("x.txt", "x\ny\nz\n")  // unstaged edit
        try FileManager.default.removeItem(atPath: repo.root + "/a/new.txt")  // unstaged deletion
        try repo.write("staged.txt", "s\n")
        try AddOperation(repo.repository).run(try Pathspec(arguments: ["staged.txt"], prefix: [], workTree: repo.root))
        let index = try IndexFile.read(path: repo.repository.indexPath, algorithm: repo.repository.algorithm)
        let diff = TreeDiff(repo.repository)
        let tree = try repo.repository.readCommit(two).tree
        // git diff --name-status / git diff --cached --name-status / git diff HEAD --name-status
        #expect(lines(try diff.workTree(against: index)) == ["D\ta/new.txt", "M\tx.txt"])
        #expect(lines(try diff.index(index, againstTree: tree)) == ["A\tstaged.txt"])
        #expect(lines(try diff.workTree(against: index, tree: tree)) == ["D\ta/new.txt", "A\tstaged.txt", "M\tx.txt"])
        let edited = try #require(try diff.workTree(against: index).last?.new)
        #expect(edited.inWorkTree && edited.id == repo.repository.algorithm.objectID(type: .blob, content: Array("x\ny\nz\n".utf8)))
        // Before the first commit everything staged is an addition.
        #expect(try diff.index(index, againstTree: nil).allSatisfy { $0.statusLetter == 0x41 })
    }

    @Test func exactRenamesPreferTheSameFileName() throws {
        let id = HashAlgorithm.sha1.objectID(type: .blob, content: Array("gleich\n".utf8))
        func side(_ path: String) -> DiffEndpoint { DiffEndpoint(path: Array(path.utf8), mode: .regular, id: id) }
        let changes = [
            TreeChange(old: side("alt/a.txt"), new: nil), TreeChange(old: side("alt/b.txt"), new: nil),
            TreeChange(old: nil, new: side("neu/b.txt")),
        ]
        let renamed = RenameDetection().apply(to: changes) { _ in [] }
        #expect(lines(renamed) == ["D\talt/a.txt", "R100\talt/b.txt\tneu/b.txt"])
    }

    @Test func mergeBaseOfABranch() throws {
        let (repo, one, two) = try history()
        defer { repo.remove() }
        #expect(try DiffMergeBase.find(one, two, in: repo.repository) == [one])
        #expect(try DiffMergeBase.find(two, two, in: repo.repository) == [two])
    }
}
