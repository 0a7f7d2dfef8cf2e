import Testing
@testable import PfadObjects

/// Expected ids, severities and texts come from `git fsck` and
/// `git fsck --strict` (git 2.39.5) on objects written by hand with
/// `git hash-object --literally`, and from `git mktag` for tag texts.
@Suite struct ObjectCheckerTests {
    static let blob: [UInt8] = [0x58, 0x7B, 0xE6, 0xB4, 0xC3, 0xF9, 0x3F, 0x93, 0xC4, 0x89,
                                0xC0, 0x11, 0x1B, 0xBA, 0x55, 0x96, 0x14, 0x7A, 0x26, 0xCB]

    static func entry(_ mode: String, _ name: String, _ id: [UInt8] = blob) -> [UInt8] {
        bytes(mode + " " + name + "\0") + id
    }

    static func summary(_ findings: [FsckFinding]) -> [String] {
        findings.map { "\($0.severity.label) \($0.id): \($0.message)" }
    }

    @Test(arguments: [GitSamples.tree1, GitSamples.rootCommit, GitSamples.signedCommit, GitSamples.encodedCommit,
                      GitSamples.mergeCommit, GitSamples.mergetagCommit, GitSamples.annotatedTag, GitSamples.signedTag,
                      GitSamples.tree256, GitSamples.commit256, GitSamples.tag256])
    func objectsGitWroteAreClean(sample: Sample) {
        #expect(ObjectChecker.check(type: sample.type, content: sample.bytes, algorithm: sample.algorithm, strict: true).isEmpty)
    }

    @Test(arguments: [
        // (tree entries, non-strict output, strict output)
        ([entry("100644", "b"), entry("100644", "a")], ["error treeNotSorted: not properly sorted"], ["error treeNotSorted: not properly sorted"]),
        ([entry("100664", "a")], [], ["warning badFilemode: contains bad file modes"]),
        ([entry("100600", "a")], ["warning badFilemode: contains bad file modes"], ["warning badFilemode: contains bad file modes"]),
        ([entry("0100644", "a")], ["warning zeroPaddedFilemode: contains zero-padded file modes"], ["error zeroPaddedFilemode: contains zero-padded file modes"]),
        ([entry("040000", "a")], ["warning zeroPaddedFilemode: contains zero-padded file modes"], ["error zeroPaddedFilemode: contains zero-padded file modes"]),
        ([entry("100644", "a/b")], ["warning fullPathname: contains full pathnames"], ["error fullPathname: contains full pathnames"]),
        ([entry("100644", ".")], ["warning hasDot: contains '.'"], ["error hasDot: contains '.'"]),
        ([entry("100644", "..")], ["warning hasDotdot: contains '..'"], ["error hasDotdot: contains '..'"]),
        ([entry("100644", ".git")], ["warning hasDotgit: contains '.git'"], ["error hasDotgit: contains '.git'"]),
        ([entry("100644", ".GiT")], ["warning hasDotgit: contains '.git'"], ["error hasDotgit: contains '.git'"]),
        ([entry("100644", "git~1")], ["warning hasDotgit: contains '.git'"], ["error hasDotgit: contains '.git'"]),
        ([entry("100644", ".g\u{200C}it")], ["warning hasDotgit: contains '.git'"], ["error hasDotgit: contains '.git'"]),
        ([entry("100644", ".git. ")], ["warning hasDotgit: contains '.git'"], ["error hasDotgit: contains '.git'"]),
        ([entry("100644", "a"), entry("100644", "a")], ["error duplicateEntries: contains duplicate file entries"], ["error duplicateEntries: contains duplicate file entries"]),
        ([entry("40000", "a"), entry("100644", "a")], ["error duplicateEntries: contains duplicate file entries"], ["error duplicateEntries: contains duplicate file entries"]),
        ([entry("100644", "a"), entry("100644", "a.b"), entry("40000", "a")], ["error duplicateEntries: contains duplicate file entries"], ["error duplicateEntries: contains duplicate file entries"]),
        ([entry("100644", "a", [UInt8](repeating: 0, count: 20))], ["warning nullSha1: contains entries pointing to null sha1"], ["error nullSha1: contains entries pointing to null sha1"]),
        ([entry("100644", "")], ["error badTree: cannot be parsed as a tree"], ["error badTree: cannot be parsed as a tree"]),
        ([entry("1006a4", "a")], ["error badTree: cannot be parsed as a tree"], ["error badTree: cannot be parsed as a tree"]),
        ([bytes("100644 a\0abc")], ["error badTree: cannot be parsed as a tree"], ["error badTree: cannot be parsed as a tree"]),
        ([entry("100755", "a"), entry("160000", "b"), entry("120000", "c")], [], []),
    ])
    func treeFindings(entries: [[UInt8]], expected: [String], expectedStrict: [String]) {
        let content = entries.flatMap { $0 }
        #expect(Self.summary(ObjectChecker.check(type: .tree, content: content, algorithm: .sha1)) == expected)
        #expect(Self.summary(ObjectChecker.check(type: .tree, content: content, algorithm: .sha1, strict: true)) == expectedStrict)
    }

    @Test func treeFindingsComeInGitsOrder() {
        let content = [
            Self.entry("100644", "z", [UInt8](repeating: 0, count: 20)), Self.entry("0100644", ".git"),
            Self.entry("100600", "a/b"), Self.entry("100644", "."), Self.entry("100644", ".."),
            Self.entry("100644", "a"), Self.entry("100644", "a"),
        ].flatMap { $0 }
        #expect(Self.summary(ObjectChecker.check(type: .tree, content: content, algorithm: .sha1)) == [
            "warning nullSha1: contains entries pointing to null sha1",
            "warning fullPathname: contains full pathnames",
            "warning hasDot: contains '.'",
            "warning hasDotdot: contains '..'",
            "warning hasDotgit: contains '.git'",
            "warning zeroPaddedFilemode: contains zero-padded file modes",
            "warning badFilemode: contains bad file modes",
            "error duplicateEntries: contains duplicate file entries",
            "error treeNotSorted: not properly sorted",
        ])
    }

    @Test func sha256TreesUse32ByteIDs() {
        let id = [UInt8](repeating: 0xAB, count: 32)
        let unsorted = Self.entry("100644", "b", id) + Self.entry("100644", "a", [UInt8](repeating: 0, count: 32))
        #expect(Self.summary(ObjectChecker.check(type: .tree, content: unsorted, algorithm: .sha256)) == [
            "warning nullSha1: contains entries pointing to null sha1",
            "error treeNotSorted: not properly sorted",
        ])
        // A 20-byte id is too short for a sha256 tree.
        #expect(Self.summary(ObjectChecker.check(type: .tree, content: Self.entry("100644", "a"), algorithm: .sha256))
            == ["error badTree: cannot be parsed as a tree"])
    }
}
