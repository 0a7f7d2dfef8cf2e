import Foundation
import PfadObjects
import PfadStore
import Testing
@testable import PfadRepository

/// Hostile histories written object by object; the expected lines are the
/// ones `git fsck --strict` 2.39.5 prints for the same objects (made with
/// `git hash-object --literally`, `git mktree` and `git commit-tree`),
/// except `treeTooDeep`, which is pfad's own.
@Suite struct FsckOperationTests {
    let test: TestRepository
    var objects: ObjectStore { test.repository.objects }

    init() throws { test = try TestRepository() }

    func blob(_ text: String) throws -> ObjectID { try objects.write(type: .blob, content: Array(text.utf8)) }

    func tree(_ entries: [(String, String, ObjectID)]) throws -> ObjectID {
        var bytes: [UInt8] = []
        for (mode, name, id) in entries { bytes += Array("\(mode) \(name)".utf8) + [0] + id.bytes }
        return try objects.write(type: .tree, content: bytes)
    }

    func commit(tree: ObjectID, parents: [ObjectID] = []) throws -> ObjectID {
        var text = "tree \(tree.hex)\n"
        for parent in parents { text += "parent \(parent.hex)\n" }
        text += "author A U Thor <a@example.com> 1700000000 +0100\ncommitter A U Thor <a@example.com> 1700000000 +0100\n\nm\n"
        return try objects.write(type: .commit, content: Array(text.utf8))
    }

    func branch(_ id: ObjectID, _ name: String = "refs/heads/main") throws {
        try test.repository.refs.update(Array(name.utf8), to: id, expected: .any, reflog: nil)
    }

    /// The lines of `fsck --strict --no-dangling` and git's exit status.
    func fsck(_ repository: Repository? = nil) throws -> (lines: [String], status: Int32) {
        let findings = try FsckOperation(repository ?? test.repository).run(strict: true, reportDangling: false)
        return (findings.map(\.line), findings.reduce(0) { $0 | $1.exitBit })
    }

    @Test func cleanHistoryHasNoFindings() throws {
        defer { test.remove() }
        let file = try blob("Wanderweg\n")
        let modules = try blob("[submodule \"karte\"]\n\tpath = karte\n\turl = https://example.com/karte.git\n")
        try branch(try commit(tree: try tree([("100644", ".gitmodules", modules), ("100644", "weg.txt", file)])))
        #expect(try fsck().lines == [])
        #expect(try fsck().status == 0)
    }

    @Test func commitWhoseTreeIsABlob() throws {
        defer { test.remove() }
        let file = try blob("kein Baum\n")
        let c = try commit(tree: file)
        try branch(c)
        let result = try fsck()
        #expect(result.lines.contains("error: object \(file.hex) is a blob, not a tree"))
        #expect(result.lines.contains("error: bad tree pointer \(file.hex) in commit \(c.hex)"))
        #expect(result.status != 0)
    }

    @Test func parentThatIsNotACommit() throws {
        defer { test.remove() }
        let file = try blob("x\n")
        let t = try tree([("100644", "x", file)])
        let c = try commit(tree: t, parents: [t])
        try branch(c)
        let result = try fsck()
        #expect(result.lines.contains("error: object \(t.hex) is a tree, not a commit"))
        #expect(result.lines.contains("error: bad parent \(t.hex) in commit \(c.hex)"))
        #expect(result.status != 0)
    }

    @Test func treeEntriesOfTheWrongType() throws {
        defer { test.remove() }
        let file = try blob("x\n")
        let inner = try tree([("100644", "x", file)])
        let dirToBlob = try tree([("40000", "ordner", file)])
        let blobToTree = try tree([("100644", "datei", inner), ("120000", "link", inner)])
        try branch(try commit(tree: dirToBlob), "refs/heads/a")
        try branch(try commit(tree: blobToTree), "refs/heads/b")
        let result = try fsck()
        #expect(result.lines.contains("error: object \(file.hex) is a blob, not a tree"))
        #expect(result.lines.contains("error in tree \(dirToBlob.hex): broken links"))
        #expect(result.lines.filter { $0 == "error: object \(inner.hex) is a tree, not a blob" }.count == 2)
        #expect(result.lines.contains("error in tree \(blobToTree.hex): broken links"))
        #expect(result.status != 0)
    }

    @Test func tagWhoseTypeDisagreesWithItsObject() throws {
        defer { test.remove() }
        let file = try blob("x\n")
        let c = try commit(tree: try tree([("100644", "x", file)]))
        let text = "object \(c.hex)\ntype tree\ntag v1\ntagger A U Thor <a@example.com> 1700000000 +0100\n\nm\n"
        let tag = try objects.write(type: .tag, content: Array(text.utf8))
        try branch(c)
        try branch(tag, "refs/tags/v1")
        let result = try fsck()
        #expect(result.lines.contains("error: object \(c.hex) is a commit, not a tree"))
        #expect(result.lines.contains("error: bad tag pointer to \(c.hex) in \(tag.hex)"))
        #expect(result.status != 0)
    }

    @Test func symlinkedSpecialFiles() throws {
        defer { test.remove() }
        let target = try blob("/etc/passwd")
        let modules = try tree([("120000", ".gitmodules", target)])
        try branch(try commit(tree: modules), "refs/heads/a")
        #expect(try fsck().lines == ["error in tree \(modules.hex): gitmodulesSymlink: .gitmodules is a symbolic link"])
        #expect(try fsck().status == 1)

        let other = try TestRepository()
        defer { other.remove() }
        let otherTarget = try other.repository.objects.write(type: .blob, content: Array("x".utf8))
        var bytes: [UInt8] = []
        for name in [".gitattributes", ".gitignore", ".mailmap"] { bytes += Array("120000 \(name)".utf8) + [0] + otherTarget.bytes }
        let links = try other.repository.objects.write(type: .tree, content: bytes)
        let text = "tree \(links.hex)\nauthor A <a@b.c> 1 +0000\ncommitter A <a@b.c> 1 +0000\n\nm\n"
        let c = try other.repository.objects.write(type: .commit, content: Array(text.utf8))
        try other.repository.refs.update(Array("refs/heads/main".utf8), to: c, expected: .any, reflog: nil)
        let result = try fsck(other.repository)
        #expect(result.lines == [
            "warning in tree \(links.hex): gitattributesSymlink: .gitattributes is a symlink",
            "warning in tree \(links.hex): gitignoreSymlink: .gitignore is a symlink",
            "warning in tree \(links.hex): mailmapSymlink: .mailmap is a symlink",
        ])
        #expect(result.status == 0)
    }

    @Test func hostileGitmodules() throws {
        defer { test.remove() }
        let url = try blob("[submodule \"x\"]\n\turl = --upload-pack=touch /tmp/pwn\n")
        let path = try blob("[submodule \"x\"]\n\tpath = -x\n")
        let name = try blob("[submodule \"../../x\"]\n\turl = ok\n")
        let fine = try blob("[submodule \"x\"]\n\turl = ./-x\n")
        for (index, id) in [url, path, name, fine].enumerated() {
            // GITMOD~1 is the same file on NTFS.
            try branch(try commit(tree: try tree([("100644", index == 2 ? "GITMOD~1" : ".gitmodules", id)])), "refs/heads/b\(index)")
        }
        let result = try fsck()
        #expect(result.lines.sorted() == [
            "error in blob \(url.hex): gitmodulesUrl: disallowed submodule url: --upload-pack=touch /tmp/pwn",
            "error in blob \(path.hex): gitmodulesPath: disallowed submodule path: -x",
            "error in blob \(name.hex): gitmodulesName: disallowed submodule name: ../../x",
        ].sorted())
        #expect(result.status == 1)
    }

    @Test func unparsableGitmodulesAndNonBlobGitmodules() throws {
        defer { test.remove() }
        let broken = try blob("[submodule \"x\"")
        try branch(try commit(tree: try tree([("100644", ".gitmodules", broken)])), "refs/heads/a")
        #expect(try fsck().lines == ["warning in blob \(broken.hex): gitmodulesParse: could not parse gitmodules blob"])
        #expect(try fsck().status == 0)

        let inner = try tree([("100644", "x", try blob("x"))])
        let outer = try tree([("40000", ".gitmodules", inner)])
        try branch(try commit(tree: outer), "refs/heads/b")
        #expect(try fsck().lines.contains("error in tree \(inner.hex): gitmodulesBlob: non-blob found at .gitmodules"))
        #expect(try fsck().status != 0)
    }

    @Test func treesNestedTooDeeply() throws {
        defer { test.remove() }
        // Five levels under the configured limit of 3.
        var current = try tree([("100644", "blatt", try blob("x"))])
        var chain = [current]
        for level in 0..<4 {
            current = try tree([("40000", "ebene\(level)", current)])
            chain.append(current)
        }
        try branch(try commit(tree: current))
        #expect(try fsck().lines == [])
        let config = test.repository.gitDirectory + "/config"
        let text = try String(contentsOfFile: config, encoding: .utf8) + "[core]\n\tmaxTreeDepth = 3\n"
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        // Depths 5, 4 (too deep) and 3: only the outermost is listed.
        let result = try fsck(try test.reopened())
        #expect(result.lines == ["error in tree \(chain[4].hex): treeTooDeep: tree nested more than 3 levels deep (core.maxTreeDepth)"])
        #expect(result.status == 1)
    }

    @Test func tenThousandLevelsAreReportedWithoutOverflowingTheStack() throws {
        defer { test.remove() }
        var current = try tree([("100644", "blatt", try blob("x"))])
        for _ in 0..<10_000 { current = try tree([("40000", "d", current)]) }
        try branch(try commit(tree: current))
        let result = try fsck()
        #expect(result.lines == ["error in tree \(current.hex): treeTooDeep: tree nested more than 4096 levels deep (core.maxTreeDepth)"])
    }
}

/// Files a killed process leaves in the git folder are reported (as
/// warnings that fail nothing), with what to do about them.
@Suite struct FsckLeftoverTests {
    @Test func reportsStaleLocksTemporariesAndQuarantines() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("a.md", "a\n")
        try t.addAll()
        try t.commit("Stand")
        let git = t.repository.gitDirectory
        let old = Date(timeIntervalSinceNow: -3600)
        let fm = FileManager.default
        try fm.createDirectory(atPath: git + "/objects/incoming-Ab12Cd/pack", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: git + "/objects/1f", withIntermediateDirectories: true)
        for path in ["index.lock", "refs/heads/main.lock", "objects/1f/tmp_obj_Xy12Zq", "objects/incoming-Ab12Cd"] {
            if !fm.fileExists(atPath: git + "/" + path) { fm.createFile(atPath: git + "/" + path, contents: Data()) }
            try fm.setAttributes([.modificationDate: old], ofItemAtPath: git + "/" + path)
        }
        let findings = try FsckOperation(try t.reopened()).run(strict: true, reportDangling: false)
        let lines = findings.map(\.line)
        let stamp = "from " + {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return f.string(from: old)
        }() + " UTC: remove it if no other pfad or git process is running"
        #expect(lines == [
            "warning: stale lock file 'index.lock' \(stamp)",
            "warning: stale lock file 'refs/heads/main.lock' \(stamp)",
            "warning: stale push quarantine 'objects/incoming-Ab12Cd' \(stamp)",
            "warning: stale temporary file 'objects/1f/tmp_obj_Xy12Zq' \(stamp)",
        ])
        #expect(findings.allSatisfy { $0.exitBit == 0 })
    }
}
