import Foundation
import PfadTestSupport
import Testing

/// `pfad merge`, `cherry-pick` and `revert` merge guides with the guide
/// merge; plain git with `pfad merge-driver` as the `merge=guide` driver
/// makes the same trees, and conflicts of either are finished by the other.
@Suite struct GuideMergeDriverInteropTests {
    /// A repository whose `main` and `seite` changed one guide: `main` moved
    /// a paragraph, `seite` edited it (a conflict for a line merge).
    static func script(_ item: CorpusCase) -> String {
        """
        printf '*.md merge=guide\\n' > .gitattributes
        cat > leitfaden.md <<'PFAD_EOF'
        \(item.base)PFAD_EOF
        git add -A && git commit -q -m Basis
        git checkout -q -b seite
        cat > leitfaden.md <<'PFAD_EOF'
        \(item.theirs)PFAD_EOF
        git commit -q -a -m Seite
        git checkout -q main
        cat > leitfaden.md <<'PFAD_EOF'
        \(item.ours)PFAD_EOF
        git commit -q -a -m Haupt
        """
    }

    static func twins(_ item: CorpusCase) throws -> MergeTwins {
        let twins = try MergeTwins(script(item), lineMerge: false)
        try twins.runner.git(
            ["config", "merge.guide.driver", "\(CommandRunner.pfadPath) merge-driver %O %A %B %L %P"], in: twins.git)
        return twins
    }

    static let cases = GuideCorpus.cases(seed: 31, variants: 1)

    @Test func cleanGuideMergeGivesGitsTreeWithTheDriver() throws {
        for prefix in ["move-paragraph-across-sections", "rewrap-and-edit", "words-same-sentence", "front-matter-keys"] {
            guard let item = Self.cases.first(where: { $0.name.hasPrefix(prefix) }) else { continue }
            let t = try Self.twins(item)
            let (g, p) = try t.both(["merge", "-q", "--no-edit", "seite"])
            #expect(g.status == 0 && p.status == 0, "\(item.name)")
            try t.sameGitOutput(["rev-parse", "HEAD^{tree}"], "\(item.name)")
            try t.sameWorkTrees()
            #expect(try Self.files(t.pfad)["leitfaden.md"] == Array((item.expected ?? "").utf8), "\(item.name)")
        }
    }

    @Test func cherryPickAndRevertUseTheGuideMerge() throws {
        guard let item = Self.cases.first(where: { $0.name.hasPrefix("move-paragraph-in-section") }) else { return }
        let t = try Self.twins(item)
        let (g, p) = try t.both(["cherry-pick", "seite"])
        #expect(g.status == 0 && p.status == 0)
        try t.sameGitOutput(["rev-parse", "HEAD^{tree}"])
        let (gr, pr) = try t.both(["revert", "--no-edit", "HEAD"])
        #expect(gr.status == 0 && pr.status == 0)
        try t.sameGitOutput(["rev-parse", "HEAD^{tree}"])
    }

    @Test func conflictsAreFinishedByEitherTool() throws {
        guard let item = Self.cases.first(where: { $0.name.hasPrefix("conflict-same-word") }) else { return }
        let t = try Self.twins(item)
        let (g, p) = try t.both(["merge", "-q", "--no-edit", "seite"])
        #expect(g.status != 0 && p.status != 0)
        // Each conflict is resolved by hand and committed with the other tool.
        for root in [t.git, t.pfad] { try Data(item.ours.utf8).write(to: root.appendingPathComponent("leitfaden.md")) }
        try t.runner.pfad(["add", "leitfaden.md"], in: t.git)
        #expect(try t.runner.pfad(["commit", "-q", "--no-edit"], in: t.git).status == 0)
        try t.runner.git(["add", "leitfaden.md"], in: t.pfad)
        #expect(try t.runner.git(["commit", "-q", "--no-edit"], in: t.pfad).status == 0)
        try t.sameGitOutput(["rev-parse", "HEAD^{tree}"])
        for root in [t.git, t.pfad] { #expect(try t.runner.git(["fsck", "--strict"], in: root).status == 0) }
    }

    @Test func textAttributeKeepsTheLineMerge() throws {
        guard let item = Self.cases.first(where: { $0.name.hasPrefix("move-paragraph-across-sections") }) else { return }
        let t = try MergeTwins(Self.script(item).replacingOccurrences(of: "merge=guide", with: "merge=text"), lineMerge: false)
        let (g, p) = try t.both(["merge", "-q", "--no-edit", "seite"])
        #expect(g.status == p.status)
        try t.sameWorkTrees()
    }

    static func files(_ root: URL) throws -> [String: [UInt8]] { try MergeTwins.files(root) }
}
