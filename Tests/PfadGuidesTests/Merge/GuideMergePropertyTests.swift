import PfadDiff
import PfadTestSupport
import Testing

@testable import PfadGuides

/// Properties of the guide merge on random word edits of corpus guides.
@Suite struct GuideMergePropertyTests {
    static let bases = Array(Set(GuideCorpus.cases(seed: 7, variants: 3).map(\.base))).sorted()
    static let words = ["Ampelphase", "Gemeinderat", "Bürgersteig", "Kanalnetz", "Tiefgarage", "Ratssaal", "Zebrastreifen", "Stadtbahn"]

    /// A random edit of `text`'s body: words replaced, inserted or deleted
    /// at random places between spaces. Returns the text and the words it
    /// inserted.
    static func randomEdit(_ text: String, _ random: inout SeededGenerator, tag: String) -> (String, [String]) {
        var tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var inserted: [String] = []
        let edits = 1 + Int(random.next() % 3)
        for n in 0..<edits {
            // Skip the front matter and headings: only tokens after the first blank line.
            let candidates = tokens.indices.filter { $0 > 8 && tokens[$0].allSatisfy(\.isLetter) && tokens[$0].count > 3 }
            guard !candidates.isEmpty else { break }
            let index = candidates[Int(random.next() % UInt64(candidates.count))]
            let word = words[Int(random.next() % UInt64(words.count))] + tag + String(n)
            switch random.next() % 3 {
            case 0:
                tokens[index] = word
                inserted.append(word)
            case 1:
                tokens.insert(word, at: index)
                inserted.append(word)
            default:
                tokens.remove(at: index)
            }
        }
        return (tokens.joined(separator: " "), inserted)
    }

    /// The text with ours and theirs of every conflict exchanged.
    static func mirrored(_ text: String) -> String {
        var out: [Substring] = []
        var ours: [Substring] = []
        var theirs: [Substring] = []
        var state = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch (state, line) {
            case (0, "<<<<<<<"): state = 1
            case (1, "======="): state = 2
            case (2, ">>>>>>>"):
                out += ["<<<<<<<"] + theirs + ["======="] + ours + [">>>>>>>"]
                ours = []
                theirs = []
                state = 0
            case (1, _): ours.append(line)
            case (2, _): theirs.append(line)
            default: out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    static func merge(_ base: String, _ ours: String, _ theirs: String) -> (String, Int) {
        let result = GuideMerge.merge(base: base, current: ours, other: theirs)
        return (String(decoding: result.content, as: UTF8.self), result.conflicts)
    }

    @Test func oneSidedAndEqualChangesGiveThatSide() {
        var random = SeededGenerator(seed: 11)
        for base in Self.bases {
            let (x, _) = Self.randomEdit(base, &random, tag: "x")
            #expect(Self.merge(base, x, base) == (x, 0))
            #expect(Self.merge(base, base, x) == (x, 0))
            #expect(Self.merge(base, x, x) == (x, 0))
        }
    }

    @Test func swappingSidesGivesTheSameOrMirroredResult() {
        var random = SeededGenerator(seed: 12)
        for base in Self.bases {
            for _ in 0..<4 {
                let (x, _) = Self.randomEdit(base, &random, tag: "x")
                let (y, _) = Self.randomEdit(base, &random, tag: "y")
                let (forward, forwardConflicts) = Self.merge(base, x, y)
                let (backward, backwardConflicts) = Self.merge(base, y, x)
                #expect(forwardConflicts == backwardConflicts)
                if forwardConflicts == 0 {
                    #expect(forward == backward)
                } else {
                    #expect(Self.mirrored(forward) == backward)
                }
            }
        }
    }

    @Test func everyInsertedWordSurvives() {
        var random = SeededGenerator(seed: 13)
        for base in Self.bases {
            for _ in 0..<4 {
                let (x, xWords) = Self.randomEdit(base, &random, tag: "x")
                let (y, yWords) = Self.randomEdit(base, &random, tag: "y")
                let (merged, _) = Self.merge(base, x, y)
                for word in xWords + yWords { #expect(merged.contains(word), "\(word)") }
            }
        }
    }
}

/// Random line edits that change the Markdown structure (lists, headings,
/// quotes, code fences, tables, blank lines): the merge never fails and
/// keeps every inserted line's marker word.
@Suite struct GuideMergeStructureFuzzTests {
    static let lines = [
        "", "- Punkt eins", "* Punkt zwei", "1. Erster Schritt", "## Abschnitt", "> Ein Zitat", "```", "code()",
        "| Ort | Zahl |", "|---|---|", "| Olpe | 3 |", "Ein Satz. Noch ein Satz.", "---", "    eingerückt", "Text ohne Ende",
        "  - verschachtelt", "<div>", "Wörter und mehr Wörter im Absatz.",
    ]

    static func mutate(_ base: [String], _ random: inout SeededGenerator, tag: String, inserted: inout [String]) -> [String] {
        var result = base
        for n in 0..<(1 + Int(random.next() % 4)) {
            let position = Int(random.next() % UInt64(result.count + 1))
            switch random.next() % 4 {
            case 0, 1:
                let marker = "Marke\(tag)\(n)"
                let line = lines[Int(random.next() % UInt64(lines.count))]
                result.insert(line.isEmpty ? marker : line + " " + marker, at: position)
                inserted.append(marker)
            case 2 where position < result.count:
                result.remove(at: position)
            default:
                if position + 1 < result.count { result.swapAt(position, position + 1) }
            }
        }
        return result
    }

    @Test func randomStructureEditsNeverLoseInsertedLines() {
        var random = SeededGenerator(seed: 21)
        for round in 0..<1500 {
            let base = (0..<(3 + Int(random.next() % 20))).map { _ in Self.lines[Int(random.next() % UInt64(Self.lines.count))] }
            var inserted: [String] = []
            let ours = Self.mutate(base, &random, tag: "o", inserted: &inserted)
            let theirs = Self.mutate(base, &random, tag: "t", inserted: &inserted)
            let frontMatter = round % 3 == 0 ? "---\ntitle: Test\n---\n" : ""
            let join = { (lines: [String]) in frontMatter + lines.joined(separator: "\n") + (round % 5 == 0 ? "" : "\n") }
            let result = GuideMerge.merge(base: join(base), current: join(ours), other: join(theirs))
            let text = String(decoding: result.content, as: UTF8.self)
            let kept = inserted.filter { marker in (ours + theirs).contains { $0.contains(marker) } }
            for marker in kept where !text.contains(marker) {
                // A line the other side deleted may take its marker with it only in a conflict.
                Issue.record("round \(round): \(marker) lost\nBASE\n\(join(base))\nOURS\n\(join(ours))\nTHEIRS\n\(join(theirs))\nRESULT\n\(text)")
            }
        }
    }
}
