import Foundation

/// A history built by real git with one `git fast-import` run and then made
/// loose (pfad reads loose objects): merges, criss-cross merges, equal
/// commit dates, annotated and lightweight tags, a remote-tracking ref,
/// path-limited changes in a guide folder, odd messages.
enum LogFixture {
    /// A fast-import stream writer.
    struct Stream {
        var text = ""
        var mark = 0

        /// Adds a commit on `ref` and returns its mark.
        @discardableResult
        mutating func commit(_ ref: String, parents: [Int], time: Int, offset: String = "+0100", authorTime: Int? = nil,
                             message: String, files: [String: String] = [:], delete: [String] = []) -> Int {
            mark += 1
            text += "commit \(ref)\nmark :\(mark)\n"
            text += "author Anna Schäfer <anna@arnsberg.example> \(authorTime ?? time) \(offset)\n"
            text += "committer Jörg Müller <joerg@soest.example> \(time) \(offset)\n"
            text += "data \(message.utf8.count)\n\(message)\n"
            if let first = parents.first { text += "from :\(first)\n" }
            for p in parents.dropFirst() { text += "merge :\(p)\n" }
            for path in delete { text += "D \(path)\n" }
            for (path, content) in files.sorted(by: { $0.key < $1.key }) {
                text += "M 100644 inline \(path)\ndata \(content.utf8.count)\n\(content)\n"
            }
            text += "\n"
            return mark
        }

        mutating func reset(_ ref: String, to mark: Int) {
            text += "reset \(ref)\nfrom :\(mark)\n\n"
        }

        mutating func annotatedTag(_ name: String, on mark: Int, time: Int, message: String) {
            text += "tag \(name)\nfrom :\(mark)\ntagger Jörg Müller <joerg@soest.example> \(time) -0230\n"
            text += "data \(message.utf8.count)\n\(message)\n"
        }
    }

    /// The stream for the test history (about 60 commits).
    static func stream() -> String {
        var s = Stream()
        let t0 = 1_700_000_000
        var main = s.commit("refs/heads/main", parents: [], time: t0, message: "Start: Leitfäden anlegen\n",
                            files: ["README.md": "Leitfäden\n", "guides/arnsberg.md": "Arnsberg 0\n"])
        for i in 1...12 {
            var files = ["guides/arnsberg.md": "Arnsberg \(i)\n"]
            if i % 3 == 0 { files["guides/olpe/intro.md"] = "Olpe \(i)\n" }
            if i % 4 == 0 { files = ["README.md": "Leitfäden \(i)\n"] }
            // Every fifth commit shares its date with the one before (ties).
            let time = t0 + (i % 5 == 0 ? (i - 1) : i) * 60
            main = s.commit("refs/heads/main", parents: [main], time: time, offset: i % 2 == 0 ? "+0100" : "-0700",
                            message: "Arnsberg, Schritt \(i)\n\nText mit\tTabulator und  Leerzeichen.\n", files: files)
        }
        // A side branch touching only its own folder, merged back.
        var side = s.commit("refs/heads/side", parents: [main - 6], time: t0 + 400, message: "Menden beginnt\n",
                            files: ["guides/menden.md": "Menden 1\n"])
        for i in 2...6 {
            side = s.commit("refs/heads/side", parents: [side], time: t0 + 400 + i * 60, message: "Menden \(i)\n",
                            files: ["guides/menden.md": "Menden \(i)\n"])
        }
        main = s.commit("refs/heads/main", parents: [main, side], time: t0 + 900, message: "Merge branch 'side'\n",
                        files: [:])
        // A branch with equal commit dates throughout, merged with a change.
        var ties = s.commit("refs/heads/ties", parents: [main], time: t0 + 1000, message: "Olpe A\n",
                            files: ["guides/olpe/intro.md": "Olpe A\n"])
        ties = s.commit("refs/heads/ties", parents: [ties], time: t0 + 1000, message: "Olpe B\n", files: ["guides/olpe/b.md": "B\n"])
        main = s.commit("refs/heads/main", parents: [main], time: t0 + 1000, message: "Soest\n", files: ["guides/soest.md": "Soest\n"])
        main = s.commit("refs/heads/main", parents: [main, ties], time: t0 + 1000, message: "Merge Olpe\n\nMit Auflösung.\n",
                        files: ["guides/arnsberg.md": "Arnsberg merged\n"])
        // Criss-cross: x and y merge each other.
        var x = s.commit("refs/heads/x", parents: [main], time: t0 + 1100, message: "x1\n", files: ["x.txt": "x1\n"])
        var y = s.commit("refs/heads/y", parents: [main], time: t0 + 1100, message: "y1\n", files: ["y.txt": "y1\n"])
        let x2 = s.commit("refs/heads/x", parents: [x, y], time: t0 + 1200, message: "x merges y\n", files: ["x.txt": "x2\n"])
        let y2 = s.commit("refs/heads/y", parents: [y, x], time: t0 + 1200, message: "y merges x\n", files: ["y.txt": "y2\n"])
        x = s.commit("refs/heads/x", parents: [x2], time: t0 + 1300, message: "x3\n", files: ["x.txt": "x3\n"])
        y = s.commit("refs/heads/y", parents: [y2], time: t0 + 1300, message: "y3\n", files: ["y.txt": "y3\n"])
        // An octopus merge with odd messages.
        var a = s.commit("refs/heads/a", parents: [main], time: t0 + 1400, message: "\n\n  Eingerückter Betreff  \nzweite Zeile\n\n\n\nKörper\n\n\n",
                         files: ["a.txt": "a\n"])
        a = s.commit("refs/heads/a", parents: [a], time: t0 + 1410, message: "ohne Zeilenende", files: ["a.txt": "a2\n"])
        main = s.commit("refs/heads/main", parents: [main, a, x], time: t0 + 1500, message: "Octopus\n",
                        files: ["x.txt": "x3\n"])
        main = s.commit("refs/heads/main", parents: [main], time: t0 + 1600, offset: "+0530", authorTime: 1_234_567_890,
                        message: "Leer?\n", files: ["guides/olpe/intro.md": "Olpe final\n"], delete: ["guides/olpe/b.md"])
        s.reset("refs/tags/v1", to: main - 3)
        s.annotatedTag("v2", on: main, time: t0 + 1700, message: "Version 2\n\nFreigabe.\n")
        s.reset("refs/remotes/origin/x", to: main)
        s.reset("refs/heads/y", to: y)
        s.reset("refs/heads/x", to: x)
        return s.text
    }

    /// Creates the repository in a new folder: import, then unpack so every
    /// object is loose. HEAD is `main`.
    static func make(_ runner: CommandRunner) throws -> URL {
        let dir = try TempDir.make(prefix: "pfad-log")
        _ = try runner.git(["init", "-q", "-b", "main", "."], in: dir)
        let imported = try runner.git(["-c", "gc.auto=0", "fast-import", "--quiet"], in: dir, stdin: Array(stream().utf8))
        guard imported.status == 0 else {
            try? Data(stream().utf8).write(to: URL(fileURLWithPath: "/dev/shm/pfad-log-stream.txt"))
            throw FixtureError(message: imported.err)
        }
        let packDir = dir.appendingPathComponent(".git/objects/pack")
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: packDir.path) where name.hasSuffix(".pack") {
            let moved = dir.appendingPathComponent(".git/" + name)
            try fm.moveItem(at: packDir.appendingPathComponent(name), to: moved)
            try? fm.removeItem(at: packDir.appendingPathComponent(String(name.dropLast(5)) + ".idx"))
            let data = Array(try Data(contentsOf: moved))
            let unpacked = try runner.git(["unpack-objects", "-q"], in: dir, stdin: data)
            guard unpacked.status == 0 else { throw FixtureError(message: unpacked.err) }
            try fm.removeItem(at: moved)
        }
        return dir
    }

    struct FixtureError: Error { var message: String }
}
