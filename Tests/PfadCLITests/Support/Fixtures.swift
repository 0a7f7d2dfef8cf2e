import PfadTestSupport
import Foundation

/// Helpers that build work trees for the interop tests.
enum Fixtures {
    /// Writes `content` to `relative` below `root`, creating folders.
    static func write(_ root: URL, _ relative: String, _ content: String, executable: Bool = false) throws {
        try write(root, relative, Array(content.utf8), executable: executable)
    }

    /// Writes raw bytes to `relative` below `root`, creating folders.
    static func write(_ root: URL, _ relative: String, _ bytes: [UInt8], executable: Bool = false) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: url.path)
    }

    /// Creates a symbolic link `relative` → `target` below `root`.
    static func symlink(_ root: URL, _ relative: String, to target: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Removes `relative` below `root`.
    static func remove(_ root: URL, _ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    /// A small catalogue of guide files with German names and content.
    static func writeGuideTree(_ root: URL) throws {
        try write(root, "README.md", "# Leitfäden aus Südwestfalen\n\nSammlung der Pioniergemeinden.\n")
        try write(root, "Leitfäden/Über uns.md", "# Über uns\n\nFünf Kommunen, ein Prozess: Arnsberg, Bad Berleburg, Menden, Olpe, Soest.\n")
        try write(root, "Leitfäden/01 Start/Prozess starten.md", "# Einen Smart-City-Prozess starten\n\n1. Rückhalt der Verwaltungsspitze sichern.\n2. Ein Kernteam bilden.\n")
        try write(root, "Leitfäden/01 Start/Checkliste.txt", "- Beschluss des Rates\n- Budget\n- Ansprechperson\n")
        try write(root, "Leitfäden/02 Beteiligung/Bürgerbeteiligung.md", "# Bürgerbeteiligung\n\nWerkstätten, Umfragen, Straßenfeste.\n")
        try write(root, "scripts/veröffentlichen.sh", "#!/bin/sh\necho 'Katalog wird veröffentlicht'\n", executable: true)
        try symlink(root, "aktuell.md", to: "Leitfäden/Über uns.md")
        try write(root, "daten/ohne-zeilenende.txt", "kein Zeilenende am Schluss")
        try write(root, "daten/leer.txt", "")
    }

    /// Random printable text with German letters, `lines` lines long.
    static func randomText(lines: Int, using rng: inout SeededGenerator) -> String {
        let words = ["Leitfaden", "Verwaltung", "Bürger", "Straße", "Prozess", "Daten", "Öffentlichkeit", "Maß", "und", "der", "die", "das", "für", "Südwestfalen", "Smart-City", "Beteiligung", "Übersicht", "ändern"]
        var out = ""
        for _ in 0..<lines {
            let n = Int.random(in: 0...9, using: &rng)
            out += (0..<n).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            out += "\n"
        }
        return out
    }
}
