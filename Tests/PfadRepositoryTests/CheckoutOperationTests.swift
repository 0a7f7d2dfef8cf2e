import Foundation
import PfadObjects
import Testing
@testable import PfadRepository

/// The two-way move of index and work tree, on repositories made through
/// the API. Expected behaviour follows git's `read-tree -m -u` as documented
/// in git-read-tree.txt ("Two Tree Merge") and observed with git 2.39.
@Suite struct CheckoutOperationTests {
    private func read(_ t: TestRepository, _ path: String) -> String? {
        FileManager.default.contents(atPath: t.root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func tree(_ t: TestRepository, _ commit: ObjectID) throws -> ObjectID {
        try t.repository.readCommit(commit).tree
    }

    @Test func movesBetweenTreesAndRemovesEmptyFolders() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.txt", "eins\n")
        try t.write("dir/sub/b.txt", "zwei\n")
        try t.addAll()
        let first = try t.commit("first")
        try FileManager.default.removeItem(atPath: t.root + "/dir")
        try t.write("c.txt", "drei\n")
        try t.write("a.txt", "eins, geändert\n")
        try AddOperation(t.repository).run(.all)
        let second = try t.commit("second")

        let summary = try CheckoutOperation(t.repository).run(from: .tree(try tree(t, second)), to: try tree(t, first))
        #expect(summary.written == 2)  // a.txt and dir/sub/b.txt
        #expect(read(t, "a.txt") == "eins\n")
        #expect(read(t, "dir/sub/b.txt") == "zwei\n")
        #expect(read(t, "c.txt") == nil)

        _ = try CheckoutOperation(t.repository).run(from: .tree(try tree(t, first)), to: try tree(t, second))
        #expect(!FileManager.default.fileExists(atPath: t.root + "/dir"))
        // The index is the target tree, so its cache tree is recorded.
        let index = try IndexFile.read(path: t.repository.indexPath, algorithm: .sha1)
        #expect(index.cacheTree(algorithm: .sha1)?.id == (try tree(t, second)))
        // The index equals the target tree and has fresh stat data: status is clean without hashing.
        let status = try StatusOperation(t.repository).run()
        #expect(status.changes.isEmpty)
        #expect(status.untracked.isEmpty)
    }

    @Test func refusesToOverwriteLocalChangesAndUntrackedFiles() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.txt", "eins\n")
        try t.addAll()
        let first = try t.commit("first")
        try t.write("a.txt", "zwei\n")
        try t.write("neu.txt", "neu\n")
        try t.addAll()
        let second = try t.commit("second")
        try t.write("a.txt", "lokal\n")  // local change to a path that differs between the trees
        try FileManager.default.removeItem(atPath: t.root + "/neu.txt")
        _ = try ResetOperation(t.repository).resetIndex(to: try tree(t, second))

        #expect {
            try CheckoutOperation(t.repository).run(from: .tree(try tree(t, second)), to: try tree(t, first))
        } throws: { error in
            guard case RepositoryError.checkoutConflicts(let c) = error else { return false }
            return c.localChanges == [Array("a.txt".utf8)] && c.untracked.isEmpty
        }
        #expect(read(t, "a.txt") == "lokal\n")

        // Untracked file in the way of a path the target adds.
        try t.write("a.txt", "zwei\n")
        _ = try CheckoutOperation(t.repository).run(from: .tree(try tree(t, second)), to: try tree(t, first))
        try t.write("neu.txt", "unversioniert\n")
        #expect {
            try CheckoutOperation(t.repository).run(from: .tree(try tree(t, first)), to: try tree(t, second))
        } throws: { error in
            guard case RepositoryError.checkoutConflicts(let c) = error else { return false }
            return c.untracked == [Array("neu.txt".utf8)]
        }
        #expect(read(t, "neu.txt") == "unversioniert\n")
        // Forced, it is overwritten.
        _ = try CheckoutOperation(t.repository).run(
            from: .tree(try tree(t, first)), to: try tree(t, second), options: .init(force: true))
        #expect(read(t, "neu.txt") == "neu\n")
    }

    @Test func carriesLocalChangesToUnchangedPaths() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.txt", "eins\n")
        try t.write("b.txt", "bleibt\n")
        try t.addAll()
        let first = try t.commit("first")
        try t.write("a.txt", "zwei\n")
        try t.addAll()
        let second = try t.commit("second")
        try t.write("b.txt", "lokal geändert\n")
        _ = try CheckoutOperation(t.repository).run(from: .tree(try tree(t, second)), to: try tree(t, first))
        #expect(read(t, "a.txt") == "eins\n")
        #expect(read(t, "b.txt") == "lokal geändert\n")
    }

    /// Trees written through PfadObjects that a checkout must refuse, with
    /// nothing written anywhere.
    @Test func refusesHostileTrees() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("pfad-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let objects = t.repository.objects
        let blob = try objects.write(type: .blob, content: Array("böse\n".utf8))
        let link = try objects.write(type: .blob, content: Array(outside.utf8))
        func tree(_ entries: [TreeEntry]) throws -> ObjectID {
            try objects.write(type: .tree, content: Tree(entries: entries).serialized())
        }
        let inner = try tree([TreeEntry(mode: .regular, name: Array("x".utf8), id: blob)])
        let config = try tree([TreeEntry(mode: .regular, name: Array("config".utf8), id: blob)])
        let hostile: [ObjectID] = [
            try tree([TreeEntry(mode: .regular, name: Array("..".utf8), id: blob)]),
            try tree([TreeEntry(mode: .directory, name: Array(".GIT".utf8), id: config)]),
            try tree([TreeEntry(mode: .directory, name: Array(".Git".utf8), id: config)]),
            try tree([TreeEntry(mode: .directory, name: Array("git~1".utf8), id: config)]),
            try tree([TreeEntry(mode: .regular, name: Array("a/../../x".utf8), id: blob)]),
            try tree([
                TreeEntry(mode: .symlink, name: Array("link".utf8), id: link),
                TreeEntry(mode: .directory, name: Array("link".utf8), id: inner),
            ]),
        ]
        for target in hostile {
            #expect(throws: RepositoryError.self) {
                try CheckoutOperation(t.repository).run(from: .index, to: target, options: .init(force: true))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.root).sorted() == [".git"])
        #expect(FileManager.default.contents(atPath: t.root + "/.git/config").map { String(decoding: $0, as: UTF8.self) } != "böse\n")
    }

    /// An untracked symlink to a folder outside is never written through.
    @Test func neverWritesThroughAnUntrackedSymlink() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("pfad-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try t.write("link/x", "inhalt\n")
        try t.addAll()
        let commit = try t.commit("folder")
        try FileManager.default.removeItem(atPath: t.root + "/link")
        _ = try ResetOperation(t.repository).resetIndex(to: try t.repository.objects.write(type: .tree, content: []))
        try FileManager.default.createSymbolicLink(atPath: t.root + "/link", withDestinationPath: outside)
        #expect(throws: RepositoryError.self) {
            try CheckoutOperation(t.repository).run(from: .index, to: try tree(t, commit))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        // Forced (as git's checkout -f), the link itself is replaced by a real
        // folder; its target is never touched.
        _ = try CheckoutOperation(t.repository).run(from: .index, to: try tree(t, commit), options: .init(force: true))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(StatData.of(path: t.root + "/link")?.isDirectory == true)
        #expect(FileManager.default.contents(atPath: t.root + "/link/x") == Data("inhalt\n".utf8))
    }
}

/// A crafted index must not make a forced checkout delete outside the work tree.
@Suite struct CheckoutHostileIndexTests {
    @Test func hostileIndexEntriesAreNeverRemoved() throws {
        let t = try TestRepository()
        defer { t.remove() }
        let victim = t.root + "/.git/config"
        let before = FileManager.default.contents(atPath: victim)
        let blob = try t.repository.objects.write(type: .blob, content: Array("x\n".utf8))
        var index = IndexFile()
        index.insert(IndexEntry(path: Array(".git/config".utf8), id: blob, mode: 0o100644))
        try index.write(to: t.repository.indexPath, algorithm: .sha1)
        #expect(throws: RepositoryError.self) {
            try CheckoutOperation(t.repository).run(from: .index, to: nil, options: .init(force: true))
        }
        #expect(FileManager.default.contents(atPath: victim) == before)
    }
}
