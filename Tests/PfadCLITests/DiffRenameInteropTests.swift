import PfadTestSupport
import Foundation
import Testing

/// Folder diffs with renamed, added and deleted files: pfad detects renames
/// as `git diff --no-index` does by default (git 2.39). Files are `.txt`:
/// for `.md` pfad labels hunks with Markdown headings, git does not.
@Suite struct DiffRenameInteropTests {
    @Test func renamesEqualGit() throws {
        let runner = try CommandRunner()
        let root = try TempDir.make(prefix: "pfad-rename-interop")
        defer { try? FileManager.default.removeItem(at: root) }
        var rng = SeededGenerator(seed: 12)
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        let words = ["Olpe", "Soest", "Menden", "Arnsberg", "Bad Berleburg", "Brücke", "Straße", "über", "und"]
        func paragraph(_ n: Int) -> [String] {
            (0..<n).map { _ in (0..<Int.random(in: 2...12, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ") }
        }
        for index in 0..<40 {
            let lines = paragraph(Int.random(in: 3...25, using: &rng))
            var edited = lines
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                edited[Int.random(in: 0..<edited.count, using: &rng)] = "geändert \(index)"
            }
            let text = { (l: [String]) in Data(l.map { $0 + "\n" }.joined().utf8) }
            switch index % 4 {
            case 0:  // renamed, maybe edited
                try text(lines).write(to: old.appendingPathComponent(String(format: "alt%02d.txt", index)))
                try text(edited).write(to: new.appendingPathComponent(String(format: "neu%02d.txt", index)))
            case 1:  // deleted
                try text(lines).write(to: old.appendingPathComponent(String(format: "weg%02d.txt", index)))
            case 2:  // added
                try text(edited).write(to: new.appendingPathComponent(String(format: "dazu%02d.txt", index)))
            default:  // modified in place
                try text(lines).write(to: old.appendingPathComponent(String(format: "gleich%02d.txt", index)))
                try text(edited).write(to: new.appendingPathComponent(String(format: "gleich%02d.txt", index)))
            }
        }
        for options in [
            [], ["--name-status"], ["--stat"], ["--numstat"], ["-M30%"], ["--no-renames", "--name-status"],
            ["--summary"], ["--stat", "--summary", "-p"], ["--name-status", "-p"], ["--numstat", "--shortstat"],
            ["--patch-with-stat"], ["-s", "--stat"],
        ] {
            let git = try runner.git(["diff", "--no-index"] + options + ["old", "new"], in: root)
            let pfad = try runner.pfad(["diff", "--no-index"] + options + ["old", "new"], in: root)
            #expect(pfad.status == git.status)
            #expect(pfad.out == git.out, "\(options)")

        }
        let status = try runner.git(["diff", "--no-index", "--name-status", "old", "new"], in: root)
        #expect(status.out.contains("\nR"))  // the case does contain renames
    }
}
