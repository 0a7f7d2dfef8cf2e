import Foundation
import Testing
import PfadObjects
@testable import PfadRepository

@Suite struct StatusOperationTests {
    private func letters(_ report: StatusReport) -> [String] {
        report.changes.map { String(decoding: [$0.index, $0.workTree], as: UTF8.self) + " " + String(decoding: $0.path, as: UTF8.self) }
            + report.untracked.map { "?? " + String(decoding: $0, as: UTF8.self) }
    }

    @Test func cleanStatusDoesNotRehashUnchangedFiles() throws {
        let t = try TestRepository()
        defer { t.remove() }
        // Files older than the index: their stat data is trustworthy (not racy).
        for i in 0..<20 { try t.write("kapitel/datei-\(i).md", "Inhalt \(i)\n", age: 100) }
        try t.addAll()
        try t.commit("Stand")
        let report = try StatusOperation(try t.reopened()).run()
        #expect(report.changes.isEmpty)
        #expect(report.untracked.isEmpty)
        #expect(report.hashedFiles == 0)
    }

    @Test func touchedFilesAreHashedOnceThenTrusted() throws {
        let t = try TestRepository()
        defer { t.remove() }
        for i in 0..<5 { try t.write("datei-\(i).md", "Inhalt \(i)\n", age: 100) }
        try t.addAll()
        try t.commit("Stand")
        // Same content, new mtime (older than the next index write).
        try t.write("datei-2.md", "Inhalt 2\n", age: 50)
        let first = try StatusOperation(try t.reopened()).run()
        #expect(first.changes.isEmpty)
        #expect(first.hashedFiles == 1)
        let second = try StatusOperation(try t.reopened()).run()
        #expect(second.hashedFiles == 0)
    }

    /// A checkout killed mid-write leaves `.pfad-tmp-<pid>-<n>` files: no
    /// scan shows them (so `add -A` cannot commit them), and the next scan
    /// removes those whose process is gone. A running writer's temporary
    /// (this process's id) is left alone.
    @Test func temporariesOfKilledWritersAreHiddenAndRemoved() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("Leitfäden/a.md", "a\n", age: 100)
        try t.addAll()
        try t.commit("Stand")
        // 2147483646 is above every Linux pid_max: no process has it.
        let stale = "Leitfäden/.pfad-tmp-2147483646-3"
        let live = ".pfad-tmp-\(getpid())-1"
        try t.write(stale, "halb geschrieben")
        try t.write(live, "wird gerade geschrieben")
        let report = try StatusOperation(try t.reopened()).run()
        #expect(letters(report) == [])
        #expect(!FileManager.default.fileExists(atPath: t.root + "/" + stale))
        #expect(FileManager.default.fileExists(atPath: t.root + "/" + live))
        try t.addAll()
        let index = try IndexFile.read(path: t.repository.indexPath, algorithm: .sha1)
        #expect(index.entries.map { String(decoding: $0.path, as: UTF8.self) } == ["Leitfäden/a.md"])
    }

    @Test func lettersForEachKindOfChange() throws {
        let t = try TestRepository()
        defer { t.remove() }
        try t.write("bleibt.md", "x\n", age: 100)
        try t.write("geändert.md", "alt\n", age: 100)
        try t.write("gelöscht.md", "weg\n", age: 100)
        try t.write("gestaged.md", "alt\n", age: 100)
        try t.addAll()
        try t.commit("Stand")
        try t.write("geändert.md", "neu\n")
        try FileManager.default.removeItem(atPath: t.root + "/gelöscht.md")
        try t.write("gestaged.md", "neu\n")
        try t.write("neu/datei.md", "neu\n")
        let repo = try t.reopened()
        try AddOperation(repo).run(try Pathspec(arguments: ["gestaged.md"], prefix: [], workTree: t.root))
        try t.write("gestaged.md", "noch neuer\n")
        let report = try StatusOperation(repo).run()
        // Byte order, as git sorts: "gel" < "ges" < "ge\u{C3}..." (ä is 0xC3 0xA4 in UTF-8).
        #expect(letters(report) == [" D gelöscht.md", "MM gestaged.md", " M geändert.md", "?? neu/"])
    }
}
