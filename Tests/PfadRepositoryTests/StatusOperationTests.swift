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
