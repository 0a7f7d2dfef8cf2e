import Foundation
import PfadKit
import Testing

/// Runs the worked example of `PfadKit.docc/WorkingWithACatalogue.md` and
/// checks that the article shows exactly these lines.
struct DocumentationExampleTests {
    /// The article's example, verbatim between the markers.
    private func example(in folder: String) throws -> (MergeOperation.Outcome, [FileComparison], [([String], [String])]) {
        var report: [([String], [String])] = []
        // BEGIN EXAMPLE
        let identity = [
            "GIT_AUTHOR_NAME": "Lena Vogt", "GIT_AUTHOR_EMAIL": "lena.vogt@soest.example",
            "GIT_COMMITTER_NAME": "Lena Vogt", "GIT_COMMITTER_EMAIL": "lena.vogt@soest.example",
        ]

        // Open the catalogue: create it, or use Repository.discover(from:) for an existing one.
        let (katalog, _) = try Repository.initialize(at: folder + "/katalog", bare: false)
        let guidePath = folder + "/katalog/smart-city-starten.md"

        // Commit a guide and publish it as release 2021.1.
        let guide = """
            ---
            titel: Smart City starten
            kommune: Soest
            ---

            # Smart City starten

            Der Rat beschließt eine Digitalstrategie.

            Ein Team im Rathaus lädt die Bürgerinnen und Bürger ein.

            """
        try Data(guide.utf8).write(to: URL(fileURLWithPath: guidePath))
        try katalog.add(["smart-city-starten.md"])
        try katalog.commit(message: "Leitfaden: Smart City starten", environment: identity)
        try katalog.tag("2021.1", message: "Ausgabe 2021.1", environment: identity)

        // Soest improves the guide on a branch.
        try katalog.createBranch("soest/strategie")
        try katalog.switchBranch("soest/strategie")
        let improved = guide.replacingOccurrences(
            of: "eine Digitalstrategie.", with: "eine Digitalstrategie mit klaren Zielen.")
        try Data(improved.utf8).write(to: URL(fileURLWithPath: guidePath))
        try katalog.commit(message: "Ziele ergänzt", all: true, environment: identity)

        // Merge the branch into main and publish release 2021.2.
        try katalog.switchBranch("main")
        let outcome = try katalog.merge("soest/strategie", environment: identity)
        try katalog.tag("2021.2", message: "Ausgabe 2021.2", environment: identity)

        // Compare the two releases: one file, one hunk, typed.
        let changes = try katalog.compare("2021.1", "2021.2")
        for file in changes {
            for hunk in file.hunks {
                for chunk in hunk.chunks {
                    let removed = file.deletedLines(chunk).map { String(decoding: $0, as: UTF8.self) }
                    let added = file.addedLines(chunk).map { String(decoding: $0, as: UTF8.self) }
                    report.append((removed, added))
                }
            }
        }
        // END EXAMPLE
        return (outcome, changes, report)
    }

    @Test func theExampleRunsAndDoesWhatTheArticleSays() throws {
        let folder = NSTemporaryDirectory() + "pfadkit-doc-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (outcome, changes, report) = try example(in: folder)
        guard case .fastForward = outcome else {
            Issue.record("the article promises a fast-forward, got \(outcome)")
            return
        }
        #expect(changes.map(\.path) == [Array("smart-city-starten.md".utf8)])
        #expect(changes.first?.hunks.count == 1)
        #expect(report.count == 1)
        #expect(report.first?.0 == ["Der Rat beschließt eine Digitalstrategie.\n"])
        #expect(report.first?.1 == ["Der Rat beschließt eine Digitalstrategie mit klaren Zielen.\n"])
    }

    @Test func theArticleShowsExactlyTheTestedLines() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/PfadKit/PfadKit.docc/WorkingWithACatalogue.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let shown = try #require(Self.between("```swift\n", "```\n", in: article))
        let tested = try #require(Self.between("// BEGIN EXAMPLE\n", "        // END EXAMPLE", in: source))
        #expect(Self.dedented(tested, by: 8) == shown)
    }

    private static func between(_ start: String, _ end: String, in text: String) -> String? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// Removes `count` leading spaces from every line that has them.
    private static func dedented(_ text: String, by count: Int) -> String {
        let prefix = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(prefix) ? String($0.dropFirst(count)) : String($0) }
            .joined(separator: "\n")
    }
}
