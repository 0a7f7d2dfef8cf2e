import Foundation
import Testing
@testable import PfadCommands

/// Commands run in-process through `PfadMain.execute`, with their output
/// captured: no pfad process, no git.
@Suite struct InProcessCommandTests {
    /// A new empty folder.
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "pfad-inprocess-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `args` in `directory`; returns the code and both outputs as text.
    private func pfad(_ args: [String], in directory: String) -> (code: Int32, out: String, err: String) {
        let io = CommandIO.capturing(in: directory)
        let code = PfadMain.execute(args, io: io)
        return (code, String(decoding: io.out.captured, as: UTF8.self), String(decoding: io.err.captured, as: UTF8.self))
    }

    /// A repository with an identity and one commit of `leitfaden.md`.
    private func repository() throws -> String {
        let root = try folder()
        #expect(pfad(["init", "-q", root], in: root).code == 0)
        #expect(pfad(["config", "user.name", "Jonas Weber"], in: root).code == 0)
        #expect(pfad(["config", "user.email", "jonas@menden.example"], in: root).code == 0)
        try Data("# Leitfaden\n\nErster Entwurf.\n".utf8).write(to: URL(fileURLWithPath: root + "/leitfaden.md"))
        #expect(pfad(["add", "leitfaden.md"], in: root).code == 0)
        let commit = pfad(["commit", "-q", "-m", "Erster Entwurf"], in: root)
        #expect(commit.code == 0, "\(commit.err)")
        return root
    }

    @Test func porcelainCommandsWriteToTheGivenOutput() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("# Leitfaden\n\nZweiter Entwurf.\n".utf8).write(to: URL(fileURLWithPath: root + "/leitfaden.md"))
        try Data("neu\n".utf8).write(to: URL(fileURLWithPath: root + "/notiz.txt"))
        let status = pfad(["status", "--porcelain"], in: root)
        #expect(status.code == 0)
        #expect(status.out == " M leitfaden.md\n?? notiz.txt\n")
        #expect(status.err == "")
        #expect(pfad(["log", "--format=%s"], in: root).out == "Erster Entwurf\n")
        #expect(pfad(["cat-file", "-t", "HEAD"], in: root).out == "commit\n")
        let diff = pfad(["diff", "--numstat"], in: root)
        #expect(diff.out == "1\t1\tleitfaden.md\n")
        #expect(pfad(["diff", "--quiet"], in: root).code == 1)
    }

    @Test func errorsAreReportedWithGitsCodes() throws {
        let empty = try folder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let outside = pfad(["log"], in: empty)
        #expect(outside.code == 128)
        #expect(outside.out == "")
        #expect(outside.err.hasPrefix("fatal: not a git repository"))
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let unknown = pfad(["cat-file", "--gibt-es-nicht", "HEAD"], in: root)
        #expect(unknown.code != 0)
        #expect(unknown.out == "")
        #expect(!unknown.err.isEmpty)
        let badRevision = pfad(["rev-parse", "nirgends"], in: root)
        #expect(badRevision.code == 128)
        #expect(badRevision.err == "fatal: ambiguous argument 'nirgends': unknown revision or path not in the working tree.\n")
    }

    @Test func helpAndWarningsGoToTheirStreams() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let help = pfad(["branch", "-h"], in: root)
        #expect(help.code == 0)
        #expect(help.out.contains("USAGE: pfad branch"))
        let switched = pfad(["switch", "-c", "olpe"], in: root)
        #expect(switched.code == 0)
        #expect(switched.err == "Switched to a new branch 'olpe'\n")
        #expect(pfad(["branch", "--show-current"], in: root).out == "olpe\n")
    }

    @Test func mergeAndCherryPickReportInProcess() throws {
        let root = try repository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(pfad(["switch", "-q", "-c", "soest"], in: root).code == 0)
        try Data("# Leitfaden\n\nErster Entwurf.\n\nAus Soest.\n".utf8).write(to: URL(fileURLWithPath: root + "/leitfaden.md"))
        #expect(pfad(["commit", "-q", "-a", "-m", "Soest ergänzt"], in: root).code == 0)
        #expect(pfad(["switch", "-q", "main"], in: root).code == 0)
        let merge = pfad(["merge", "soest"], in: root)
        #expect(merge.code == 0)
        #expect(merge.out.hasPrefix("Updating "))
        #expect(merge.out.contains("Fast-forward\n"))
        let fsck = pfad(["fsck", "--strict"], in: root)
        #expect(fsck.code == 0)
        #expect(fsck.err == "")
    }
}
