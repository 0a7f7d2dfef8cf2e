import Testing

@testable import PfadRepository

/// The per-folder cursor of the untracked walk, on names that sort around
/// '/' ("a", "a b", "a-b", "a.txt", "a/", "a0", "ab").
@Suite struct TrackedCursorTests {
    /// Built by hand in /dev/shm with git 2.39.5: tracked `a/f`, `a-b/f`,
    /// `a b/f`, `a.txt`, `sub/x/y`; then added untracked `a/new`, `a-b/g`,
    /// `a0/z`, `a.txt2`, `sub/x/deep/er/q`. `git status --porcelain` printed
    /// `?? a-b/g`, `?? a.txt2`, `?? a/new`, `?? a0/`, `?? sub/x/deep/` (the
    /// quoting of `"a b"` aside, the same order as below).
    @Test func untrackedWalkAgreesWithGitAroundSlashOrder() throws {
        let root = try ScratchDirectory.make(prefix: "pfad-cursor")
        defer { ScratchDirectory.remove(root) }
        let tracked = ["a b/f", "a-b/f", "a.txt", "a/f", "sub/x/y"]
        for file in tracked + ["a/new", "a-b/g", "a0/z", "a.txt2", "sub/x/deep/er/q"] {
            try ScratchDirectory.write(root, file)
        }
        let walker = WorkTreeWalker(workTree: root, ignoreRules: nil)
        let trackedBytes = tracked.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        let normal = try walker.untracked(tracked: trackedBytes).map { String(decoding: $0.displayPath, as: UTF8.self) }
        #expect(normal == ["a-b/g", "a.txt2", "a/new", "a0/", "sub/x/deep/"])
        let all = try walker.untracked(tracked: trackedBytes, mode: .all).map { String(decoding: $0.displayPath, as: UTF8.self) }
        #expect(all == ["a-b/g", "a.txt2", "a/new", "a0/z", "sub/x/deep/er/q"])
    }

    @Test func cursorMatchesFilesExactlyAndFoldersByPrefix() {
        func step(_ cursor: inout TrackedCursor, _ name: String, _ isDirectory: Bool) -> Bool {
            cursor.advance(to: Array(name.utf8), isDirectory: isDirectory)
        }
        // Sorted tracked paths, as an index holds them.
        let paths = ["a", "a-b/f", "a.txt", "a/f", "a/g/h", "b"].map { Array($0.utf8) }
        let tracked = TrackedPaths(paths)
        var top = tracked.cursor(inside: [])
        // git order of a folder listing: a, a-b/, a.txt, a/, a0, b
        #expect(step(&top, "a", false))
        #expect(step(&top, "a-b", true))
        #expect(step(&top, "a.txt", false))
        #expect(step(&top, "a", true))
        #expect(!step(&top, "a0", false))
        #expect(step(&top, "b", false))
        var inside = tracked.cursor(inside: Array("a".utf8))
        #expect(step(&inside, "f", false))
        #expect(!step(&inside, "f2", false))
        #expect(step(&inside, "g", true))
        // A file where the index has a folder, and the other way round.
        var again = tracked.cursor(inside: Array("a".utf8))
        #expect(!step(&again, "g", false))
        var folderForFile = tracked.cursor(inside: [])
        #expect(!step(&folderForFile, "b", true))
    }
}
