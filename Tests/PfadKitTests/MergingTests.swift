import Foundation
import PfadKit
import Testing

/// Merge, cherry-pick, revert, compare and fsck through the library API,
/// with typed outcomes inspected in-process.
struct MergingTests {
    private let base = "# Digitale Verwaltung\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n"

    /// A repository with `main` at the base text and branch `menden` from it.
    private func forked(_ fixture: KitFixture) throws -> Repository {
        let repository = try fixture.repository("katalog")
        try fixture.commit(base, to: "leitfaden.md", in: repository, message: "Grundlage")
        try repository.createBranch("menden")
        return repository
    }

    @Test func cleanThreeWayMergeCommitsBothChanges() throws {
        let fixture = try KitFixture()
        let repository = try forked(fixture)
        let ours = base.replacingOccurrences(of: "Erster Absatz.", with: "Erster Absatz, überarbeitet.")
        try fixture.commit(ours, to: "leitfaden.md", in: repository, message: "Arnsberg")
        try repository.switchBranch("menden")
        let theirs = base.replacingOccurrences(of: "Dritter Absatz.", with: "Dritter Absatz aus Menden.")
        let mendenTip = try fixture.commit(theirs, to: "leitfaden.md", in: repository, message: "Menden")
        try repository.switchBranch("main")

        guard case .merged(let commit, _, let result) = try repository.merge("menden", environment: fixture.environment) else {
            Issue.record("expected a merge commit")
            return
        }
        #expect(result.isClean)
        #expect(try repository.readCommit(commit).parents.last == mendenTip)
        #expect(fixture.read("leitfaden.md", in: repository) == "# Digitale Verwaltung\n\nErster Absatz, überarbeitet.\n\nZweiter Absatz.\n\nDritter Absatz aus Menden.\n")
        #expect(try repository.log(limit: 10).map(\.commit.summary).map { String(decoding: $0, as: UTF8.self) } == // Equal dates: git keeps the first parent's line first.
                       ["Merge branch 'menden'", "Arnsberg", "Menden", "Grundlage"])
    }

    @Test func conflictingMergeLeavesTypedConflictsAndCanBeAborted() throws {
        let fixture = try KitFixture()
        let repository = try forked(fixture)
        let before = try fixture.commit(base.replacingOccurrences(of: "Zweiter", with: "Arnsbergs zweiter"),
                                        to: "leitfaden.md", in: repository, message: "Arnsberg")
        try repository.switchBranch("menden")
        try fixture.commit(base.replacingOccurrences(of: "Zweiter", with: "Mendens zweiter"),
                           to: "leitfaden.md", in: repository, message: "Menden")
        try repository.switchBranch("main")

        guard case .conflicted(let result) = try repository.merge("menden", environment: fixture.environment) else {
            Issue.record("expected conflicts")
            return
        }
        #expect(result.conflictedPaths == [Array("leitfaden.md".utf8)])
        #expect(result.paths.first?.conflict == .content)
        #expect(try repository.status().changes.map(\.path) == [Array("leitfaden.md".utf8)])
        try repository.abortMerge()
        #expect(try repository.resolve("HEAD") == before)
        #expect(fixture.read("leitfaden.md", in: repository) == base.replacingOccurrences(of: "Zweiter", with: "Arnsbergs zweiter"))
    }

    @Test func cherryPickAndRevert() throws {
        let fixture = try KitFixture()
        let repository = try forked(fixture)
        try repository.switchBranch("menden")
        let picked = try fixture.commit(base + "\nVierter Absatz.\n", to: "leitfaden.md", in: repository, message: "Vierter Absatz")
        try repository.switchBranch("main")
        try fixture.commit("Kontakt\n", to: "kontakt.md", in: repository, message: "Kontakt")

        guard case .committed(let id, let commit, _, let result) = try repository.cherryPick("menden", environment: fixture.environment) else {
            Issue.record("expected a commit")
            return
        }
        #expect(result.isClean)
        #expect(id != picked)
        #expect(commit.summary == Array("Vierter Absatz".utf8))
        #expect(fixture.read("leitfaden.md", in: repository) == base + "\nVierter Absatz.\n")

        guard case .committed(_, let undo, _, _) = try repository.revert("HEAD", environment: fixture.environment) else {
            Issue.record("expected a revert commit")
            return
        }
        #expect(undo.summary == Array("Revert \"Vierter Absatz\"".utf8))
        #expect(fixture.read("leitfaden.md", in: repository) == base)
    }

    @Test func compareGivesTypedHunks() throws {
        let fixture = try KitFixture()
        let repository = try forked(fixture)
        try repository.tag("2021.1")
        try fixture.commit(base.replacingOccurrences(of: "Zweiter Absatz.", with: "Zweiter Absatz, neu gefasst.\nMit Zusatz."),
                           to: "leitfaden.md", in: repository, message: "Neufassung")
        try fixture.commit("Kontakt\n", to: "kontakt.md", in: repository, message: "Kontakt")
        try repository.tag("2021.2", message: "Zweite Ausgabe", environment: fixture.environment)

        let files = try repository.compare("2021.1", "2021.2")
        #expect(files.map(\.path) == [Array("kontakt.md".utf8), Array("leitfaden.md".utf8)])
        #expect(files.map(\.change.statusLetter) == [UInt8(ascii: "A"), UInt8(ascii: "M")])
        let guide = files[1]
        #expect(guide.insertions == 2)
        #expect(guide.deletions == 1)
        #expect(guide.hunks.count == 1)
        #expect(String(decoding: guide.hunks[0].rangeHeader, as: UTF8.self) == "@@ -2,6 +2,7 @@")
        let chunk = try #require(guide.hunks[0].chunks.first)
        #expect(guide.deletedLines(chunk).map { String(decoding: $0, as: UTF8.self) } == ["Zweiter Absatz.\n"])
        #expect(guide.addedLines(chunk).map { String(decoding: $0, as: UTF8.self) } == ["Zweiter Absatz, neu gefasst.\n", "Mit Zusatz.\n"])
    }

    @Test func fsckFindsACorruptLooseObject() throws {
        let fixture = try KitFixture()
        let repository = try forked(fixture)
        #expect(try repository.fsck(strict: true).filter { $0.severity == .error }.count == 0)
        let blob = try #require(repository.entry(at: Array("leitfaden.md".utf8), inTree: try repository.readCommit(try repository.resolve("HEAD")).tree))
        let hex = blob.id.hex
        let path = repository.gitDirectory + "/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try Data("kaputt".utf8).write(to: URL(fileURLWithPath: path))
        let errors = try repository.fsck().filter { $0.severity == .error }
        #expect(!(errors.isEmpty))
        #expect(errors.contains { $0.line.contains(hex) }, "the finding names the damaged object")
    }
}
