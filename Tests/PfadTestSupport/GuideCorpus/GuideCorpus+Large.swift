extension GuideCorpus {
    /// One long guide (about `bytes` bytes) and a clean concurrent edit of
    /// it, for benchmarks: sections of paragraphs made of three sentences
    /// of the corpus text each, in all three layouts, and lists. Ours
    /// replaces a word in every tenth paragraph and moves others; theirs
    /// replaces a word in other paragraphs and rewraps some. The expected
    /// result applies both.
    public static func largeCase(seed: UInt64 = 100, bytes: Int = 100_000) -> CorpusCase {
        var random = SeededGenerator(seed: seed)
        let sentences = CorpusText.paragraphs.flatMap { $0 }
        let layouts: [CorpusLayout] = [.oneLine, .wrapped(72), .sentencePerLine]
        var document = CorpusDocument(
            frontMatter: [("title", .string("Sensoren im Ortskern")), ("status", .string("Entwurf"))], blocks: [])
        var paragraphs: [Int] = []
        func add(_ kind: CorpusBlock.Kind, _ text: String, _ layout: CorpusLayout) {
            document.blocks.append(CorpusBlock(id: document.blocks.count, kind: kind, prose: CorpusProse(text, layout: layout)))
        }
        var section = 0
        while document.text.utf8.count < bytes {
            if paragraphs.count % 6 == 0 {
                section += 1
                add(.heading(2), "\(CorpusText.headings[section % CorpusText.headings.count]) \(section)", .oneLine)
            }
            var picked: [String] = []
            while picked.count < 3 {
                let sentence = sentences[Int(random.next() % UInt64(sentences.count))]
                if !picked.contains(sentence) { picked.append(sentence) }
            }
            paragraphs.append(document.blocks.count)
            add(.paragraph, picked.joined(separator: " "), layouts[paragraphs.count % layouts.count])
            if paragraphs.count % 10 == 0 {
                for k in 0..<3 { add(.item, CorpusText.items[(paragraphs.count + k) % CorpusText.items.count] + " \(section)", .oneLine) }
            }
        }
        let base = document
        var ours = base
        var theirs = base
        var expected = base
        var inserted: [String] = []
        var pool = CorpusText.newWords.shuffled(using: &random)
        for (n, id) in paragraphs.enumerated() {
            guard let index = base.index(of: id) else { continue }
            let plain = base.blocks[index].prose.plainPositions
            guard let position = plain.first else { continue }
            let word = (pool.popLast() ?? "Zusatz") + "\(n)"
            switch n % 10 {
            case 0:
                ours.edit(id) { $0.replace(position, with: word) }
                expected.edit(id) { $0.replace(position, with: word) }
                inserted.append(word)
            case 5:
                theirs.edit(id) { $0.replace(position, with: word) }
                expected.edit(id) { $0.replace(position, with: word) }
                inserted.append(word)
            case 7:
                let layout = layouts[(n + 1) % layouts.count]
                theirs.edit(id) { $0.relayout(layout) }
                expected.edit(id) { $0.relayout(layout) }
            default:
                break
            }
            if pool.isEmpty { pool = CorpusText.newWords }
        }
        // Ours moves every 23rd paragraph two sections further down.
        for (n, id) in paragraphs.enumerated() where n % 23 == 3 && n + 12 < paragraphs.count {
            ours.move([id], after: paragraphs[n + 12])
            expected.move([id], after: paragraphs[n + 12])
        }
        return CorpusCase(
            name: "large/\(bytes)", base: base.text, ours: ours.text, theirs: theirs.text, expected: expected.text,
            inserted: inserted)
    }
}
