import Foundation
import Testing

@testable import PfadRepository

/// Scratch folders under /dev/shm for the file-system tests of this target.
enum ScratchDirectory {
    static func make(prefix: String = "pfad-index") throws -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `relative` (with parent folders) under `root` holding `content`.
    static func write(_ root: String, _ relative: String, _ content: String = "x\n") throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
}

@Suite struct WorkTreeWalkerTests {
    /// The tree below was built once by hand in /dev/shm with real git
    /// (`git init nested` for the nested repository, `git add -f` for
    /// ignored/tracked.md, `mkfifo a/pipe`); the expected lists are the
    /// output of `git status --porcelain` (with and without `-uall`) and
    /// `git ls-files -co --exclude-standard` there, unquoted.
    static let tracked = [".gitignore", "Leitfäden/Über uns.md", "README.md", "a/t.txt", "ignored/tracked.md"]

    static func makeTree() throws -> String {
        let root = try ScratchDirectory.make(prefix: "pfad-walk")
        try ScratchDirectory.write(root, ".gitignore", "*.tmp\nignored/\n")
        for file in [
            "README.md", "Leitfäden/Über uns.md", "Leitfäden/Entwurf.md", "Leitfäden/alt.tmp", "neu/a.md",
            "neu/b/c.md", "nurignoriert/x.tmp", "ignored/f.md", "ignored/tracked.md", "a-b.txt", "a/x.txt",
            "a/t.txt", "Ärger.txt", "a/sub/y.txt", "nested/file", "fake/f",
        ] {
            try ScratchDirectory.write(root, file)
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/leer", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: "README.md")
        try fm.createSymbolicLink(atPath: root + "/dirlink", withDestinationPath: "Leitfäden")
        // A minimal valid nested repository, and a stray empty .git that git does not treat as one.
        try ScratchDirectory.write(root, "nested/.git/HEAD", "ref: refs/heads/main\n")
        try fm.createDirectory(atPath: root + "/nested/.git/objects", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/nested/.git/refs", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/fake/.git", withIntermediateDirectories: true)
        #expect(mkfifo(root + "/a/pipe", 0o644) == 0)
        try ScratchDirectory.write(root, ".git/HEAD", "ref: refs/heads/main\n")
        return root
    }

    static func walker(_ root: String) -> WorkTreeWalker {
        WorkTreeWalker(
            workTree: root, ignoreRules: IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: nil))
    }

    static func display(_ entries: [WorkTreeEntry]) -> [String] {
        entries.map { String(decoding: $0.displayPath, as: UTF8.self) }
    }

    static var trackedBytes: [[UInt8]] { tracked.map { Array($0.utf8) } }

    @Test func untrackedNormalModeCollapsesFolders() throws {
        let root = try Self.makeTree()
        defer { ScratchDirectory.remove(root) }
        let untracked = try Self.walker(root).untracked(tracked: Self.trackedBytes)
        #expect(Self.display(untracked) == [
            "Leitfäden/Entwurf.md", "a-b.txt", "a/sub/", "a/x.txt", "dirlink", "fake/", "link", "nested/", "neu/",
            "Ärger.txt",
        ])
        #expect(untracked.first { $0.path == Array("nested".utf8) }?.kind == .repository)
        #expect(untracked.first { $0.path == Array("dirlink".utf8) }?.kind == .symlink)
        #expect(untracked.first { $0.path == Array("neu".utf8) }?.kind == .directory)
    }

    @Test func untrackedAllModeListsEveryFile() throws {
        let root = try Self.makeTree()
        defer { ScratchDirectory.remove(root) }
        let untracked = try Self.walker(root).untracked(tracked: Self.trackedBytes, mode: .all)
        #expect(Self.display(untracked) == [
            "Leitfäden/Entwurf.md", "a-b.txt", "a/sub/y.txt", "a/x.txt", "dirlink", "fake/f", "link", "nested/",
            "neu/a.md", "neu/b/c.md", "Ärger.txt",
        ])
    }

    @Test func filesListsTrackedAndNonIgnoredPaths() throws {
        let root = try Self.makeTree()
        defer { ScratchDirectory.remove(root) }
        let files = try Self.walker(root).files(tracked: Self.trackedBytes)
        // `git ls-files -co --exclude-standard`, merged into one sorted list.
        #expect(Self.display(files) == [
            ".gitignore", "Leitfäden/Entwurf.md", "Leitfäden/Über uns.md", "README.md", "a-b.txt", "a/sub/y.txt",
            "a/t.txt", "a/x.txt", "dirlink", "fake/f", "ignored/tracked.md", "link", "nested/", "neu/a.md",
            "neu/b/c.md", "Ärger.txt",
        ])
        let readme = try #require(files.first { $0.path == Array("README.md".utf8) })
        #expect(readme.kind == .file && readme.stat.size == 2)
    }

    @Test func walkerWithoutIgnoreRulesSeesEverything() throws {
        let root = try Self.makeTree()
        defer { ScratchDirectory.remove(root) }
        let files = try WorkTreeWalker(workTree: root, ignoreRules: nil).files()
        let names = Self.display(files)
        #expect(names.contains("Leitfäden/alt.tmp") && names.contains("ignored/f.md"))
        #expect(!names.contains { $0.hasPrefix(".git/") || $0.contains("/.git/") })
        #expect(!names.contains("a/pipe"))
    }

    @Test func tenThousandFilesWalkQuickly() throws {
        let root = try ScratchDirectory.make(prefix: "pfad-walk-big")
        defer { ScratchDirectory.remove(root) }
        for d in 0..<100 {
            let dir = root + "/d\(d)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in 0..<100 {
                let fd = open(dir + "/f\(f).txt", O_WRONLY | O_CREAT, 0o644)
                #expect(fd >= 0)
                close(fd)
            }
        }
        let walker = WorkTreeWalker(workTree: root, ignoreRules: nil)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure { count = try walker.files().count }
        #expect(count == 10_000)
        // Generous for debug builds on a shared machine; a release build walks this in about 20 ms.
        #expect(elapsed < .seconds(2))
    }

    @Test func foldersHoldingOnlyRepositoriesOrIgnoredFiles() throws {
        // Checked by hand: with ".gitignore" = "*.o\nz/**\n", x/inner a `git init`
        // repository, y/leer empty plus y/a.o, z/zz/keep, `git status --porcelain`
        // printed "?? .gitignore" and "?? x/"; with -uall "?? .gitignore" and "?? x/inner/".
        let root = try ScratchDirectory.make(prefix: "pfad-walk")
        defer { ScratchDirectory.remove(root) }
        try ScratchDirectory.write(root, ".gitignore", "*.o\nz/**\n")
        try ScratchDirectory.write(root, "x/inner/.git/HEAD", "ref: refs/heads/main\n")
        try FileManager.default.createDirectory(atPath: root + "/x/inner/.git/objects", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/x/inner/.git/refs", withIntermediateDirectories: true)
        try ScratchDirectory.write(root, "x/inner/f")
        try FileManager.default.createDirectory(atPath: root + "/y/leer", withIntermediateDirectories: true)
        try ScratchDirectory.write(root, "y/a.o")
        try ScratchDirectory.write(root, "z/zz/keep")
        let walker = Self.walker(root)
        #expect(Self.display(try walker.untracked(tracked: [])) == [".gitignore", "x/"])
        #expect(Self.display(try walker.untracked(tracked: [], mode: .all)) == [".gitignore", "x/inner/"])
    }

    @Test func siblingOrderTreatsDirectoriesAsNameSlash() {
        func before(_ a: String, _ aDir: Bool, _ b: String, _ bDir: Bool) -> Bool {
            DirectoryListing.precedes(Array(a.utf8), aDir, Array(b.utf8), bDir)
        }
        #expect(before("a-b", false, "a", true))  // "a-b" < "a/"
        #expect(before("a", false, "a-b", false))
        #expect(before("a", true, "a0", false))  // "a/" < "a0"
        #expect(before("Z", false, "a", false))
        #expect(!before("a", true, "a", true))
    }
}
