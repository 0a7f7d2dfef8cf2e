/// One concurrent edit of a guide: base, ours and theirs, with the
/// result the generator built by applying both sides' edits to the base
/// (nil when the rules say the edits conflict), and the text the sides
/// brought in, which must be in any result or inside a conflict.
public struct CorpusCase: Sendable {
    /// Category, layout and variant, e.g. `move-paragraph/wrapped-72/3`.
    public var name: String
    public var base: String
    public var ours: String
    public var theirs: String
    /// The clean result, or nil when a conflict is expected.
    public var expected: String?
    /// Words, sentences and items the sides inserted.
    public var inserted: [String]

    /// Whether a clean result is expected.
    public var expectsClean: Bool { expected != nil }
}

/// The four figures of the corpus for one merge tool.
public struct CorpusFigures: Sendable, CustomStringConvertible {
    public var cases = 0
    public var cleanCases = 0
    public var conflictCases = 0
    /// Clean cases the tool reported as conflicts.
    public var falseConflicts = 0
    /// Cases where something a side inserted is neither in the result
    /// nor in a conflict.
    public var lostEdits = 0
    /// Clean cases with a clean result that differs from the expected one.
    public var wrongMerges = 0
    /// Conflict cases the tool merged cleanly.
    public var missedConflicts = 0
    /// Names of the cases behind each non-zero figure (for diagnosis).
    public var failures: [String] = []

    public init() {}

    /// False conflicts over clean cases, in percent.
    public var falseConflictRate: Double {
        cleanCases == 0 ? 0 : 100 * Double(falseConflicts) / Double(cleanCases)
    }

    public var description: String {
        "cases \(cases) (clean \(cleanCases), conflicts \(conflictCases)): false conflicts \(falseConflicts) "
            + "(\((falseConflictRate * 10).rounded() / 10) %), lost edits \(lostEdits), wrong merges \(wrongMerges), "
            + "missed conflicts \(missedConflicts)"
    }

    /// Judges one tool on `cases`; `merge` returns the result text and its
    /// number of conflicts.
    public static func evaluate(_ cases: [CorpusCase], merge: (CorpusCase) -> (text: String, conflicts: Int)) -> CorpusFigures {
        var figures = CorpusFigures()
        for item in cases {
            let (text, conflicts) = merge(item)
            figures.cases += 1
            let flat = flatten(text)
            if item.inserted.contains(where: { !flat.contains(flatten($0)) }) {
                figures.lostEdits += 1
                figures.failures.append("lost: \(item.name)")
            }
            if let expected = item.expected {
                figures.cleanCases += 1
                if conflicts > 0 {
                    figures.falseConflicts += 1
                    figures.failures.append("false conflict: \(item.name)")
                } else if text != expected {
                    figures.wrongMerges += 1
                    figures.failures.append("wrong: \(item.name)")
                }
            } else {
                figures.conflictCases += 1
                if conflicts == 0 {
                    figures.missedConflicts += 1
                    figures.failures.append("missed: \(item.name)")
                }
            }
        }
        return figures
    }

    /// White space runs made single spaces.
    static func flatten(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
