/// Generates the guide-merge corpus: concurrent edits of guides written in
/// German for it, in every situation of Spec/guide-merge.md and in the
/// three paragraph layouts, each with its expected result built by
/// applying the known edits to the base model — never by running a merge.
/// Deterministic for a seed.
public enum GuideCorpus {
    /// The categories, each a function of a generator context.
    static var categories: [(name: String, make: (inout CorpusGenerator) -> CorpusEdits?)] {[
        ("words-different-sentences", { $0.wordsInDifferentSentences() }),
        ("words-same-sentence", { $0.wordsInOneSentence() }),
        ("different-paragraphs", { $0.differentParagraphs() }),
        ("identical-changes", { $0.identicalChanges() }),
        ("move-paragraph-in-section", { $0.moveParagraph(acrossSections: false) }),
        ("move-paragraph-across-sections", { $0.moveParagraph(acrossSections: true) }),
        ("move-list-item", { $0.moveListItem() }),
        ("move-section", { $0.moveSection() }),
        ("rewrap-and-edit", { $0.rewrapAndEdit() }),
        ("list-append-both", { $0.listAppendBoth() }),
        ("insert-paragraph", { $0.insertParagraph() }),
        ("delete-paragraph", { $0.deleteOtherParagraph() }),
        ("insert-sentence", { $0.insertSentenceAndEdit() }),
        ("front-matter-keys", { $0.frontMatterKeys() }),
        ("front-matter-list", { $0.frontMatterList() }),
        ("front-matter-and-body", { $0.frontMatterAndBody() }),
        ("conflict-same-word", { $0.sameWord() }),
        ("conflict-neighbouring-words", { $0.neighbouringWords() }),
        ("conflict-delete-vs-edit-paragraph", { $0.deleteVersusEditParagraph() }),
        ("conflict-delete-vs-edit-sentence", { $0.deleteVersusEditSentence() }),
        ("conflict-front-matter-key", { $0.frontMatterSameKey() }),
    ]}

    /// The names of the categories.
    public static var categoryNames: [String] { categories.map(\.name) }

    /// All cases: every category in each layout, `variants` times (odd
    /// variants with ours and theirs swapped).
    public static func cases(seed: UInt64 = 2026, variants: Int = 8) -> [CorpusCase] {
        var random = SeededGenerator(seed: seed)
        var result: [CorpusCase] = []
        let widths = [60, 72, 80]
        for variant in 0..<variants {
            for layout in [CorpusLayout.oneLine, .wrapped(widths[variant % widths.count]), .sentencePerLine] {
                for category in categories {
                    var generator = CorpusGenerator(random: random, layout: layout)
                    guard let edits = category.make(&generator) else { continue }
                    random = generator.random
                    let swapped = variant % 2 == 1
                    result.append(
                        CorpusCase(
                            name: "\(category.name)/\(layout)/\(variant)", base: generator.base.text,
                            ours: (swapped ? edits.theirs : edits.ours).text, theirs: (swapped ? edits.ours : edits.theirs).text,
                            expected: swapped ? (edits.expectedSwapped ?? edits.expected)?.text : edits.expected?.text,
                            inserted: edits.inserted))
                }
            }
        }
        return result
    }
}

/// The two sides of a case and its expected model.
struct CorpusEdits {
    var ours: CorpusDocument
    var theirs: CorpusDocument
    /// nil: a conflict is expected.
    var expected: CorpusDocument?
    /// The expected model when ours and theirs are swapped, if it differs.
    var expectedSwapped: CorpusDocument?
    var inserted: [String]
}
