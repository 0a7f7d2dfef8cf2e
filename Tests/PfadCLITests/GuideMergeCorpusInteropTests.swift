import Foundation
import PfadDiff
import PfadGuides
import PfadTestSupport
import Testing

/// The guide-merge corpus judged for pfad's guide merge and for
/// `git merge-file` side by side (the table is printed), and the guide
/// merge as plain git's merge driver.
@Suite(.serialized) struct GuideMergeCorpusInteropTests {
    static func write(_ item: CorpusCase, to root: URL) throws {
        try Data(item.base.utf8).write(to: root.appendingPathComponent("base.md"))
        try Data(item.ours.utf8).write(to: root.appendingPathComponent("ours.md"))
        try Data(item.theirs.utf8).write(to: root.appendingPathComponent("theirs.md"))
    }

    @Test func sideBySideWithGitMergeFile() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-guide-corpus")
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = GuideCorpus.cases()
        var gitSeconds = 0.0
        let git = CorpusFigures.evaluate(cases) { item in
            do {
                try Self.write(item, to: root)
                let start = Date()
                let result = try runner.git(["merge-file", "-p", "ours.md", "base.md", "theirs.md"], in: root)
                gitSeconds += Date().timeIntervalSince(start)
                return (String(decoding: result.stdout, as: UTF8.self), Int(result.status))
            } catch {
                return ("", -1)
            }
        }
        let start = Date()
        let pfad = CorpusFigures.evaluate(cases) { item in
            let result = GuideMerge.merge(base: item.base, current: item.ours, other: item.theirs)
            return (String(decoding: result.content, as: UTF8.self), result.conflicts)
        }
        let pfadSeconds = Date().timeIntervalSince(start)
        print(
            """
            guide-merge corpus, \(cases.count) cases (\(pfad.cleanCases) clean, \(pfad.conflictCases) conflicts)
            | figure | pfad guide merge | git merge-file |
            |---|---|---|
            | false conflicts | \(pfad.falseConflicts) (\(pfad.falseConflictRate.rounded()) %) | \(git.falseConflicts) (\(git.falseConflictRate.rounded()) %) |
            | lost edits | \(pfad.lostEdits) | \(git.lostEdits) |
            | wrong merges | \(pfad.wrongMerges) | \(git.wrongMerges) |
            | missed conflicts | \(pfad.missedConflicts) | \(git.missedConflicts) |
            | time, whole corpus | \(Int(pfadSeconds * 1000)) ms (in process) | \(Int(gitSeconds * 1000)) ms (processes) |
            """)
        #expect(pfad.falseConflictRate <= 5)
        #expect(pfad.lostEdits == 0 && pfad.wrongMerges == 0 && pfad.missedConflicts == 0)
        // The corpus is hard for a line merge: most clean cases touch one line.
        #expect(git.falseConflictRate > 20)
    }

    /// `pfad merge-file --guide` prints what the library merges and exits
    /// with the number of conflicts.
    @Test func mergeFileGuideMatchesTheLibrary() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-guide-merge-file")
        defer { try? FileManager.default.removeItem(at: root) }
        for item in GuideCorpus.cases().enumerated().filter({ $0.offset % 25 == 0 }).map(\.element) {
            try Self.write(item, to: root)
            let result = try runner.pfad(["merge-file", "-p", "--guide", "ours.md", "base.md", "theirs.md"], in: root)
            let expected = GuideMerge.merge(
                base: Array(item.base.utf8), current: Array(item.ours.utf8), other: Array(item.theirs.utf8),
                options: MergeOptions(currentLabel: Array("ours.md".utf8), baseLabel: Array("base.md".utf8), otherLabel: Array("theirs.md".utf8)))
            #expect(result.stdout == expected.content, "\(item.name)")
            #expect(Int(result.status) == expected.conflicts, "\(item.name)")
        }
    }

    /// Plain git with `pfad merge-driver` as the driver of `merge=guide`
    /// merges a guide as the library does; a conflict stops the merge and
    /// is finished by hand with git.
    @Test func gitMergeWithThePfadDriver() throws {
        let runner = try CommandRunner()
        let cases = GuideCorpus.cases(seed: 5, variants: 1)
        for item in [cases.first { $0.name.hasPrefix("move-paragraph-across-sections") }, cases.first { $0.name.hasPrefix("conflict-same-word") }] {
            guard let item else { continue }
            let root = try TempDir.make(prefix: "pfad-guide-driver")
            defer { try? FileManager.default.removeItem(at: root) }
            try runner.git(["init", "-q", "-b", "main"], in: root)
            try runner.git(["config", "merge.guide.driver", "\(CommandRunner.pfadPath) merge-driver %O %A %B %L %P"], in: root)
            try Data("*.md merge=guide\n".utf8).write(to: root.appendingPathComponent(".gitattributes"))
            try Data(item.base.utf8).write(to: root.appendingPathComponent("leitfaden.md"))
            try runner.git(["add", "."], in: root)
            try runner.git(["commit", "-q", "-m", "Basis"], in: root)
            try runner.git(["checkout", "-q", "-b", "theirs"], in: root)
            try Data(item.theirs.utf8).write(to: root.appendingPathComponent("leitfaden.md"))
            try runner.git(["commit", "-q", "-am", "Theirs"], in: root)
            try runner.git(["checkout", "-q", "main"], in: root)
            try Data(item.ours.utf8).write(to: root.appendingPathComponent("leitfaden.md"))
            try runner.git(["commit", "-q", "-am", "Ours"], in: root)
            let merge = try runner.git(["merge", "-q", "--no-edit", "theirs"], in: root)
            let merged = try Data(contentsOf: root.appendingPathComponent("leitfaden.md"))
            let expected = GuideMerge.merge(
                base: Array(item.base.utf8), current: Array(item.ours.utf8), other: Array(item.theirs.utf8),
                options: MergeOptions(currentLabel: Array("ours".utf8), baseLabel: Array("base".utf8), otherLabel: Array("theirs".utf8)))
            #expect(Array(merged) == expected.content, "\(item.name)")
            #expect((merge.status == 0) == (expected.conflicts == 0), "\(item.name)")
            if expected.conflicts > 0 {
                // Finish the conflicted merge with git: take ours' text.
                try Data(item.ours.utf8).write(to: root.appendingPathComponent("leitfaden.md"))
                try runner.git(["add", "leitfaden.md"], in: root)
                let commit = try runner.git(["commit", "-q", "--no-edit"], in: root)
                #expect(commit.status == 0)
                #expect(try runner.git(["fsck", "--strict"], in: root).status == 0)
            }
        }
    }
}

/// Writes the corpus and the large case as files for
/// `Benchmarks/guide-merge/run.sh` when `GUIDE_CORPUS_DIR` is set.
@Suite struct GuideCorpusDump {
    @Test func dumpForBenchmarks() throws {
        guard let directory = ProcessInfo.processInfo.environment["GUIDE_CORPUS_DIR"] else { return }
        let root = URL(fileURLWithPath: directory)
        for (n, item) in (GuideCorpus.cases() + [GuideCorpus.largeCase()]).enumerated() {
            let folder = root.appendingPathComponent(item.name.hasPrefix("large") ? "large" : String(format: "corpus/%03d", n))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try GuideMergeCorpusInteropTests.write(item, to: folder)
            try Data((item.expected ?? "").utf8).write(to: folder.appendingPathComponent(item.expectsClean ? "expected.md" : "conflict"))
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("large/base.md").path))
    }
}
