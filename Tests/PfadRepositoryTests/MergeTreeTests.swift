import Foundation
import Testing
import PfadObjects
@testable import PfadRepository

/// The pure tree merge against results recorded from git 2.39 (`ort`).
@Suite struct MergeTreeTests {
    /// Writes blobs and a tree for `files` (path → (mode, content)).
    private func tree(_ repository: Repository, _ files: [String: (FileMode, String)]) throws -> ObjectID {
        var entries: [FlatTreeEntry] = []
        for (path, (mode, content)) in files {
            let id = try repository.objects.write(type: .blob, content: Array(content.utf8))
            entries.append(FlatTreeEntry(path: Array(path.utf8), mode: mode, id: id))
        }
        entries.sort { $0.path.lexicographicallyPrecedes($1.path) }
        return try TreeBuilder(repository).writeTree(from: entries)
    }

    private let nine = (1...9).map { "\($0)\n" }.joined()

    /// base/ours/theirs of the mixed scenario (see the git transcript below).
    private func mixed(_ repository: Repository) throws -> (ObjectID, ObjectID, ObjectID) {
        let base = try tree(repository, [
            "a.txt": (.regular, nine), "c.txt": (.regular, "keep\n"), "d.txt": (.regular, "del\n"),
            "m.txt": (.regular, "mod\n"), "x.sh": (.regular, "run\n"),
        ])
        let ours = try tree(repository, [
            "a.txt": (.regular, nine.replacingOccurrences(of: "2\n", with: "two\n")), "c.txt": (.regular, "ours c\n"),
            "d.txt": (.regular, "del\n"), "n.txt": (.regular, "ours\n"), "x.sh": (.regular, "run\n"),
        ])
        let theirs = try tree(repository, [
            "a.txt": (.regular, nine.replacingOccurrences(of: "8\n", with: "eight\n")), "c.txt": (.regular, "theirs c\n"),
            "m.txt": (.regular, "mod theirs\n"), "n.txt": (.regular, "theirs\n"), "x.sh": (.executable, "run\n"),
        ])
        return (base, ours, theirs)
    }

    private func stages(_ result: TreeMergeResult) -> [String] {
        var lines: [String] = []
        for p in result.paths {
            let name = String(decoding: p.path, as: UTF8.self)
            if p.isClean {
                if let r = p.result { lines.append("\(r.mode.paddedOctal) \(r.id.hex) 0\t\(name)") }
                continue
            }
            for (stage, side) in [(1, p.base), (2, p.ours), (3, p.theirs)] {
                if let side { lines.append("\(side.mode.paddedOctal) \(side.id.hex) \(stage)\t\(name)") }
            }
        }
        return lines
    }

    @Test func mixedScenarioGivesGitsStagesMessagesAndMarkers() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let (base, ours, theirs) = try mixed(t.repository)
        let result = try TreeMerge(t.repository, theirsLabel: "side").merge(base: base, ours: ours, theirs: theirs)
        // `git merge side` on the same trees, then `git ls-files -s` (git 2.39.5).
        #expect(stages(result) == [
            "100644 e931c27e971de9102a15292ca1cb5afaa2c5cbef 0\ta.txt",
            "100644 2fa992c0b8b5c6acd2bdd4fa31de29d29799bdd5 1\tc.txt",
            "100644 36999c6687fa8812f759e2b09e6e11cdee6fff53 2\tc.txt",
            "100644 55c4db5e98bf4a32501f17ad2e7409d4f92eb2c7 3\tc.txt",
            "100644 2680cfddbd9fa03c059ac60d2bec5e59a1c34281 1\tm.txt",
            "100644 a7b12cb69f2b0dd3c825adf541cd19301ad9a13a 3\tm.txt",
            "100644 b19a1e93bec1317dc6097229e12afaffbfa74dc2 2\tn.txt",
            "100644 950b81b7eee953d050aa05a641f8e056c85dd1bd 3\tn.txt",
            "100755 f5bdd214e01603ecd6c83be9f66d88579c588ec6 0\tx.sh",
        ])
        // git's standard output lines for the same merge.
        #expect(result.messages == [
            "Auto-merging a.txt",
            "Auto-merging c.txt",
            "CONFLICT (content): Merge conflict in c.txt",
            "CONFLICT (modify/delete): m.txt deleted in HEAD and modified in side.  Version side of m.txt left in tree.",
            "Auto-merging n.txt",
            "CONFLICT (add/add): Merge conflict in n.txt",
        ])
        // Work-tree bytes git left in c.txt and n.txt.
        let c = try #require(result.paths.first { $0.path == Array("c.txt".utf8) }?.result)
        #expect(try t.repository.readObject(c.id).content == Array("<<<<<<< HEAD\nours c\n=======\ntheirs c\n>>>>>>> side\n".utf8))
        let n = try #require(result.paths.first { $0.path == Array("n.txt".utf8) }?.result)
        #expect(try t.repository.readObject(n.id).content == Array("<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> side\n".utf8))
        #expect(result.conflictedPaths.map { String(decoding: $0, as: UTF8.self) } == ["c.txt", "m.txt", "n.txt"])
    }

    @Test func sha256RepositoryMergesTheSame() throws {
        let t = try TestRepository(algorithm: .sha256)
        defer { t.remove() }
        let (base, ours, theirs) = try mixed(t.repository)
        let result = try TreeMerge(t.repository, theirsLabel: "side").merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflictedPaths.count == 3)
        let a = try #require(result.paths.first { $0.path == Array("a.txt".utf8) }?.result)
        #expect(a.id.algorithm == .sha256)
        // The clean text merge git made of a.txt (see the transcript above).
        let expected = nine.replacingOccurrences(of: "2\n", with: "two\n").replacingOccurrences(of: "8\n", with: "eight\n")
        #expect(try t.repository.readObject(a.id).content == Array(expected.utf8))
    }

    @Test func bothDeletedAndIdenticalChangesAreClean() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let base = try tree(t.repository, ["g.md": (.regular, "alt\n"), "h.md": (.regular, "h\n")])
        let same = try tree(t.repository, ["h.md": (.regular, "neu\n")])
        let result = try TreeMerge(t.repository, theirsLabel: "x").merge(base: base, ours: same, theirs: same)
        #expect(result.isClean)
        #expect(result.messages.isEmpty)
        #expect(result.tree == same)
    }

    @Test func fileDirectoryConflictIsRefused() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let base = try tree(t.repository, ["k.md": (.regular, "k\n")])
        let ours = try tree(t.repository, ["k.md": (.regular, "k\n"), "p": (.regular, "file\n")])
        let theirs = try tree(t.repository, ["k.md": (.regular, "k\n"), "p/q.md": (.regular, "in folder\n")])
        #expect(throws: RepositoryError.self) {
            try TreeMerge(t.repository, theirsLabel: "x").merge(base: base, ours: ours, theirs: theirs)
        }
    }
}
