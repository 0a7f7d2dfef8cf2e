import PfadTestSupport
import Foundation
import Testing

/// Builds blame fixtures with one `git fast-import` run: a history of guide
/// files with edits drawn from a small vocabulary (so lines repeat), side
/// branches merged back (merged files mix lines of both parents plus new
/// ones) and renames with and without edits.
enum BlameFixture {
    static let vocabulary = [
        "# Wanderweg am Sorpesee", "## Anfahrt", "## Einkehr", "Parkplatz am Ortseingang.",
        "Der Weg ist gut ausgeschildert.", "Festes Schuhwerk wird empfohlen.", "Rundweg, 12 km.",
        "Bus R34 bis Haltestelle Markt.", "Öffnungszeiten: täglich 10–18 Uhr.", "Für Familien geeignet.",
        "Barrierefreier Zugang über die Rampe.", "Hunde an der Leine führen.", "- Trinkwasser mitnehmen",
        "- Wetter prüfen", "Einkehr im Gasthof Zur Linde.", "Blick über das Sauerland.", "Straße gesperrt.",
    ]
    static let authors = [
        ("Anna Schäfer", "anna@arnsberg.example"), ("Björn Weiß", "bjoern@berleburg.example"),
        ("Clara Groß", "clara@menden.example"), ("Dörte Kühn", "doerte@olpe.example"),
        ("Emil Özdemir", "emil@soest.example"),
    ]

    struct Stream {
        var text: [UInt8] = []
        var mark = 0
        var time: Int64 = 1_700_000_000
        var count = 0

        mutating func commit(
            ref: String, from: Int?, merge: Int?, changes: [(String, [String]?)], message: String,
            rng: inout SeededGenerator
        ) -> Int {
            mark += 1
            count += 1
            time += Int64.random(in: 30...4000, using: &rng)
            let (name, email) = BlameFixture.authors[Int.random(in: 0..<5, using: &rng)]
            let zones = ["+0100", "+0200", "-0230", "+0000"]
            let zone = zones[Int.random(in: 0..<zones.count, using: &rng)]
            var s = "commit \(ref)\nmark :\(mark)\n"
            s += "author \(name) <\(email)> \(time - 50) \(zone)\n"
            s += "committer Jörg Müller <joerg@soest.example> \(time) +0100\n"
            let msg = Array((message + "\n").utf8)
            text += Array(s.utf8) + Array("data \(msg.count)\n".utf8) + msg
            if let from { text += Array("from :\(from)\n".utf8) }
            if let merge { text += Array("merge :\(merge)\n".utf8) }
            for (path, lines) in changes {
                if let lines {
                    let body = Array(lines.map { $0 + "\n" }.joined().utf8)
                    text += Array("M 100644 inline \(path)\ndata \(body.count)\n".utf8) + body + [0x0A]
                } else {
                    text += Array("D \(path)\n".utf8)
                }
            }
            text += [0x0A]
            return mark
        }
    }

    static func randomLine(_ rng: inout SeededGenerator, _ tag: String) -> String {
        Int.random(in: 0..<3, using: &rng) == 0 ? "Neu \(tag) \(UInt16.random(in: 0...999, using: &rng))"
            : vocabulary[Int.random(in: 0..<vocabulary.count, using: &rng)]
    }

    static func edit(_ lines: [String], _ rng: inout SeededGenerator, _ tag: String) -> [String] {
        var out = lines
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let op = Int.random(in: 0..<3, using: &rng)
            let at = Int.random(in: 0...out.count, using: &rng)
            switch op {
            case 0 where at < out.count: out[at] = randomLine(&rng, tag)
            case 1 where at < out.count && out.count > 3: out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...2, using: &rng)))
            default:
                for _ in 0..<Int.random(in: 1...3, using: &rng) { out.insert(randomLine(&rng, tag), at: at) }
            }
        }
        return out
    }

    /// A repository with `commits` commits on `main` (plus side branches).
    static func make(_ runner: CommandRunner, seed: UInt64, commits: Int) throws -> URL {
        var rng = SeededGenerator(seed: seed)
        let dir = try TempDir.make(prefix: "pfad-blame")
        try runner.git(["init", "-q", "-b", "main", "."], in: dir)
        var stream = Stream()
        var files: [String: [String]] = [:]
        for path in ["guides/arnsberg.md", "guides/olpe.md", "soest.txt"] {
            files[path] = (0..<Int.random(in: 8...20, using: &rng)).map { _ in randomLine(&rng, "0") }
        }
        var tip = stream.commit(
            ref: "refs/heads/main", from: nil, merge: nil, changes: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            message: "Erste Fassung", rng: &rng)
        var side: (tip: Int, files: [String: [String]], base: [String: [String]])?
        var step = 0
        while stream.count < commits {
            step += 1
            let tag = String(step)
            let roll = Int.random(in: 0..<10, using: &rng)
            if var open = side, roll < 3 {
                // Work on the side branch.
                let path = open.files.keys.sorted()[Int.random(in: 0..<open.files.count, using: &rng)]
                open.files[path] = edit(open.files[path] ?? [], &rng, "s" + tag)
                open.tip = stream.commit(
                    ref: "refs/heads/side", from: open.tip, merge: nil, changes: [(path, open.files[path])],
                    message: "Seitenzweig \(tag)", rng: &rng)
                side = open
            } else if let open = side, roll < 5 {
                // Merge: each file mixes both sides' lines, sometimes with a new one.
                var changes: [(String, [String]?)] = []
                for path in files.keys.sorted() {
                    let mine = files[path] ?? [], theirs = open.files[path] ?? []
                    guard mine != theirs else { continue }
                    var merged: [String] = []
                    var i = 0, j = 0
                    while i < mine.count || j < theirs.count {
                        if j >= theirs.count || (i < mine.count && Bool.random(using: &rng)) {
                            merged.append(mine[i]); i += 1
                        } else {
                            if Int.random(in: 0..<3, using: &rng) > 0 { merged.append(theirs[j]) }
                            j += 1
                        }
                    }
                    if Int.random(in: 0..<3, using: &rng) == 0 { merged.insert("Nachtrag \(tag)", at: merged.count / 2) }
                    files[path] = merged
                    changes.append((path, merged))
                }
                tip = stream.commit(ref: "refs/heads/main", from: tip, merge: open.tip, changes: changes, message: "Zusammenführung \(tag)\n\nmit Text", rng: &rng)
                side = nil
            } else if side == nil, roll < 6 {
                var open = (tip: tip, files: files, base: files)
                let path = files.keys.sorted()[Int.random(in: 0..<files.count, using: &rng)]
                open.files[path] = edit(files[path] ?? [], &rng, "a" + tag)
                open.tip = stream.commit(
                    ref: "refs/heads/side", from: tip, merge: nil, changes: [(path, open.files[path])],
                    message: "Zweig \(tag)", rng: &rng)
                side = open
            } else if side == nil, roll < 7 {
                // Rename, sometimes with an edit.
                let path = files.keys.sorted()[Int.random(in: 0..<files.count, using: &rng)]
                let name = "guides/umbenannt-\(tag).md"
                var content = files[path] ?? []
                if Bool.random(using: &rng) { content = edit(content, &rng, "r" + tag) }
                files[path] = nil
                files[name] = content
                tip = stream.commit(ref: "refs/heads/main", from: tip, merge: nil, changes: [(path, nil), (name, content)], message: "Umbenannt \(tag)", rng: &rng)
            } else {
                let path = files.keys.sorted()[Int.random(in: 0..<files.count, using: &rng)]
                files[path] = edit(files[path] ?? [], &rng, tag)
                tip = stream.commit(ref: "refs/heads/main", from: tip, merge: nil, changes: [(path, files[path])], message: "Änderung \(tag)", rng: &rng)
            }
        }
        let result = try runner.git(["-c", "gc.auto=0", "-c", "fastimport.unpackLimit=1000000", "fast-import", "--quiet"], in: dir, stdin: stream.text)
        guard result.status == 0 else { throw FixtureError(message: result.err) }
        try runner.git(["-c", "gc.auto=0", "checkout", "-q", "main"], in: dir)
        return dir
    }

    struct FixtureError: Error { var message: String }
}

@Suite struct BlameFixtureTests {
    /// The generator makes merges and renames (so the interop tests see them).
    @Test func fixtureHasMergesAndRenames() throws {
        let runner = try CommandRunner()
        let dir = try BlameFixture.make(runner, seed: 7, commits: 40)
        defer { try? FileManager.default.removeItem(at: dir) }
        let merges = try runner.git(["rev-list", "--merges", "--count", "main"], in: dir)
        let renames = try runner.git(["log", "--format=", "--diff-filter=R", "--name-only", "main"], in: dir)
        #expect((Int(merges.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0)
        #expect(!renames.out.isEmpty)
    }
}
