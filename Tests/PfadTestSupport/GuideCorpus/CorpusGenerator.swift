/// Builds one base guide and the edits of one case.
struct CorpusGenerator {
    var random: SeededGenerator
    let layout: CorpusLayout
    var base: CorpusDocument
    /// Words of the edit pool that do not occur in the base.
    var freshWords: [String]
    var freshSentences: [String]
    var freshItems: [String]
    var spareParagraphs: [[String]]

    static let paragraphIDs = [1, 3, 4, 9, 10, 12]
    static let firstList = [5, 6, 7]
    static let secondList = [13, 14, 15]

    init(random: SeededGenerator, layout: CorpusLayout) {
        self.random = random
        self.layout = layout
        var paragraphs = CorpusText.paragraphs
        paragraphs.shuffle(using: &self.random)
        var headings = CorpusText.headings
        headings.shuffle(using: &self.random)
        var items = CorpusText.items
        items.shuffle(using: &self.random)
        let title = CorpusText.titles[Int(self.random.next() % UInt64(CorpusText.titles.count))]
        var topics = CorpusText.topics
        topics.shuffle(using: &self.random)
        func prose(_ text: String, _ layout: CorpusLayout = .oneLine) -> CorpusProse { CorpusProse(text, layout: layout) }
        var blocks: [CorpusBlock] = []
        func add(_ kind: CorpusBlock.Kind, _ text: String) {
            blocks.append(CorpusBlock(id: blocks.count, kind: kind, prose: prose(text, kind == .paragraph ? layout : .oneLine)))
        }
        add(.heading(1), title)
        add(.paragraph, paragraphs[0].joined(separator: " "))
        add(.heading(2), headings[0])
        add(.paragraph, paragraphs[1].joined(separator: " "))
        add(.paragraph, paragraphs[2].joined(separator: " "))
        for item in items[0..<3] { add(.item, item) }
        add(.heading(2), headings[1])
        add(.paragraph, paragraphs[3].joined(separator: " "))
        add(.paragraph, paragraphs[4].joined(separator: " "))
        add(.heading(2), headings[2])
        add(.paragraph, paragraphs[5].joined(separator: " "))
        for item in items[3..<6] { add(.item, item) }
        base = CorpusDocument(
            frontMatter: [
                ("title", .string(title)), ("number", .string("07")), ("status", .string("Entwurf")),
                ("topics", .list(Array(topics[0..<2]))),
            ],
            blocks: blocks)
        spareParagraphs = Array(paragraphs[6...])
        let text = base.text
        freshWords = CorpusText.newWords.filter { !text.contains($0) }.shuffled(using: &self.random)
        freshSentences = CorpusText.newSentences.shuffled(using: &self.random)
        freshItems = CorpusText.newItems.filter { !text.contains($0) }.shuffled(using: &self.random)
    }

    mutating func pick<T>(_ values: [T]) -> T? {
        values.isEmpty ? nil : values[Int(random.next() % UInt64(values.count))]
    }

    mutating func word() -> String { freshWords.popLast() ?? "Zusatzwort" }

    func prose(_ id: Int) -> CorpusProse { base.blocks[base.index(of: id) ?? 0].prose }

    mutating func paragraph(except: [Int] = []) -> Int {
        pick(Self.paragraphIDs.filter { !except.contains($0) }) ?? 1
    }

    /// An edit of one paragraph's words or sentences.
    struct ProseEdit {
        var apply: (inout CorpusProse) -> Void
        var inserted: [String]
    }

    /// Replace a word, insert a word, insert a sentence, delete a
    /// sentence, or delete a word, chosen at random.
    mutating func randomEdit(_ id: Int, kinds: [Int] = [0, 1, 2, 3, 4]) -> ProseEdit {
        let prose = prose(id)
        let plain = prose.plainPositions
        let sentences = prose.sentences
        switch pick(kinds) ?? 0 {
        case 1:
            let position = pick(plain) ?? 1
            let new = word()
            return ProseEdit(apply: { $0.insert([new], after: position) }, inserted: [new])
        case 2:
            let index = Int(random.next() % UInt64(sentences.count))
            let sentence = freshSentences.popLast() ?? "Ein Satz kommt hinzu."
            let gap = layout == .sentencePerLine ? "\n" : " "
            return ProseEdit(apply: { $0.insertSentence(sentence, after: index, gap: gap) }, inserted: [sentence])
        case 3 where sentences.count > 1:
            let range = sentences[Int(random.next() % UInt64(sentences.count))]
            return ProseEdit(apply: { $0.delete(range) }, inserted: [])
        case 4:
            let position = pick(plain) ?? 1
            return ProseEdit(apply: { $0.delete(position..<(position + 1)) }, inserted: [])
        default:
            let position = pick(plain) ?? 1
            let new = word()
            return ProseEdit(apply: { $0.replace(position, with: new) }, inserted: [new])
        }
    }

    func edited(_ document: CorpusDocument, _ id: Int, _ edit: ProseEdit) -> CorpusDocument {
        var copy = document
        copy.edit(id, edit.apply)
        return copy
    }
}
