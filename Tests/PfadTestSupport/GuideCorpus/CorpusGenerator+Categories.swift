/// The categories of the corpus (see `GuideCorpus.categories`).
extension CorpusGenerator {
    /// Two word edits in different sentences of one paragraph.
    mutating func wordsInDifferentSentences() -> CorpusEdits? {
        let id = paragraph()
        let prose = prose(id)
        let sentences = prose.sentences
        guard sentences.count >= 2 else { return nil }
        let plain = prose.plainPositions
        let first = plain.filter { sentences[0].contains($0) }
        let later = plain.filter { !sentences[0].contains($0) }
        guard let a = pick(first), let b = pick(later) else { return nil }
        return twoWordEdits(id, a, b)
    }

    /// Two word edits in one sentence with at least one unchanged word between.
    mutating func wordsInOneSentence() -> CorpusEdits? {
        let id = paragraph()
        let prose = prose(id)
        let plain = prose.plainPositions
        var pairs: [(Int, Int)] = []
        for sentence in prose.sentences {
            let inside = plain.filter { sentence.contains($0) }
            for a in inside { for b in inside where b >= a + 2 { pairs.append((a, b)) } }
        }
        guard let (a, b) = pick(pairs) else { return nil }
        return twoWordEdits(id, a, b)
    }

    /// Ours changes word `a` (replace or insert after), theirs replaces word `b > a + 1`.
    private mutating func twoWordEdits(_ id: Int, _ a: Int, _ b: Int) -> CorpusEdits {
        let oursWord = word()
        let theirsWord = word()
        let insert = random.next() % 2 == 0
        let oursEdit: (inout CorpusProse) -> Void = insert ? { $0.insert([oursWord], after: a) } : { $0.replace(a, with: oursWord) }
        var ours = base
        ours.edit(id, oursEdit)
        var theirs = base
        theirs.edit(id) { $0.replace(b, with: theirsWord) }
        var expected = base
        expected.edit(id) { $0.replace(b, with: theirsWord) }
        expected.edit(id, oursEdit)
        return CorpusEdits(ours: ours, theirs: theirs, expected: expected, inserted: [oursWord, theirsWord])
    }

    mutating func differentParagraphs() -> CorpusEdits? {
        let first = paragraph()
        let second = paragraph(except: [first])
        let oursEdit = randomEdit(first)
        let theirsEdit = randomEdit(second)
        let ours = edited(base, first, oursEdit)
        let theirs = edited(base, second, theirsEdit)
        return CorpusEdits(
            ours: ours, theirs: theirs, expected: edited(ours, second, theirsEdit), inserted: oursEdit.inserted + theirsEdit.inserted)
    }

    mutating func identicalChanges() -> CorpusEdits? {
        let id = paragraph()
        let edit = randomEdit(id)
        let both = edited(base, id, edit)
        return CorpusEdits(ours: both, theirs: both, expected: both, inserted: edit.inserted)
    }

    /// Ours moves a paragraph, theirs edits it.
    mutating func moveParagraph(acrossSections: Bool) -> CorpusEdits? {
        let moves: [(Int, Int?)] =
            acrossSections ? [(3, 10), (9, 4), (12, 1), (1, 12), (4, 9)] : [(3, 4), (4, 2), (9, 10), (10, 8)]
        guard let (id, target) = pick(moves) else { return nil }
        let edit = randomEdit(id)
        var ours = base
        ours.move([id], after: target)
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: edited(ours, id, edit), inserted: edit.inserted)
    }

    /// Ours moves a list item (within its list or to the other list), theirs edits it.
    mutating func moveListItem() -> CorpusEdits? {
        let moves: [(Int, Int)] = [(5, 7), (7, 5), (6, 7), (5, 14), (13, 6), (15, 7)]
        guard let (id, target) = pick(moves) else { return nil }
        let edit = randomEdit(id, kinds: [0, 1])
        var ours = base
        ours.move([id], after: target)
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: edited(ours, id, edit), inserted: edit.inserted)
    }

    /// Ours moves a whole section, theirs edits a paragraph in it.
    mutating func moveSection() -> CorpusEdits? {
        let moves: [([Int], Int, [Int])] = [([8, 9, 10], 15, [9, 10]), ([11, 12, 13, 14, 15], 1, [12]), ([2, 3, 4, 5, 6, 7], 10, [3, 4])]
        guard let (ids, target, paragraphs) = pick(moves), let id = pick(paragraphs) else { return nil }
        let edit = randomEdit(id)
        var ours = base
        ours.move(ids, after: target)
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: edited(ours, id, edit), inserted: edit.inserted)
    }

    /// Ours rewraps a paragraph into another layout, theirs edits its words.
    mutating func rewrapAndEdit() -> CorpusEdits? {
        let id = paragraph()
        let layouts = [CorpusLayout.oneLine, .wrapped(pick([40, 50, 66]) ?? 50), .sentencePerLine].filter {
            if case .wrapped = $0, case .wrapped = layout { return false }
            return $0 != layout
        }
        guard let newLayout = pick(layouts) else { return nil }
        let edit = randomEdit(id)
        var ours = base
        ours.edit(id) { $0.relayout(newLayout) }
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: edited(ours, id, edit), inserted: edit.inserted)
    }

    /// Both append a different item to the same list: both are kept, in byte order.
    mutating func listAppendBoth() -> CorpusEdits? {
        guard let list = pick([Self.firstList, Self.secondList]), let last = list.last,
            let a = freshItems.popLast(), let b = freshItems.popLast()
        else { return nil }
        let itemA = CorpusBlock(id: 100, kind: .item, prose: CorpusProse(a, layout: .oneLine))
        let itemB = CorpusBlock(id: 101, kind: .item, prose: CorpusProse(b, layout: .oneLine))
        var ours = base
        ours.insert(itemA, after: last)
        var theirs = base
        theirs.insert(itemB, after: last)
        let (first, second) = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? (itemA, itemB) : (itemB, itemA)
        var expected = base
        expected.insert(first, after: last)
        expected.insert(second, after: first.id)
        return CorpusEdits(ours: ours, theirs: theirs, expected: expected, inserted: [a, b])
    }

    /// Ours inserts a new paragraph, theirs edits another one.
    mutating func insertParagraph() -> CorpusEdits? {
        guard let sentences = pick(spareParagraphs) else { return nil }
        let after = paragraph()
        let other = paragraph(except: [after])
        let block = CorpusBlock(id: 100, kind: .paragraph, prose: CorpusProse(sentences.joined(separator: " "), layout: layout))
        let edit = randomEdit(other)
        var ours = base
        ours.insert(block, after: after)
        return CorpusEdits(
            ours: ours, theirs: edited(base, other, edit), expected: edited(ours, other, edit),
            inserted: edit.inserted + [sentences[0]])
    }

    /// Ours deletes a paragraph, theirs edits another one.
    mutating func deleteOtherParagraph() -> CorpusEdits? {
        let deleted = paragraph()
        let other = paragraph(except: [deleted])
        let edit = randomEdit(other)
        var ours = base
        ours.delete(deleted)
        return CorpusEdits(ours: ours, theirs: edited(base, other, edit), expected: edited(ours, other, edit), inserted: edit.inserted)
    }

    /// Ours inserts a sentence into a paragraph, theirs edits a word of it.
    /// The word edit's position is one of the base; the sentence insertion
    /// finds its sentence boundary anew, so applying the word edit first
    /// builds the expected result.
    mutating func insertSentenceAndEdit() -> CorpusEdits? {
        let id = paragraph()
        let oursEdit = randomEdit(id, kinds: [2])
        let theirsEdit = randomEdit(id, kinds: [0, 4])
        let theirs = edited(base, id, theirsEdit)
        return CorpusEdits(
            ours: edited(base, id, oursEdit), theirs: theirs, expected: edited(theirs, id, oursEdit),
            inserted: oursEdit.inserted + theirsEdit.inserted)
    }
}

/// Front matter categories and the conflict categories.
extension CorpusGenerator {
    mutating func frontMatterKeys() -> CorpusEdits? {
        guard let title = pick(CorpusText.titles.filter { base.value("title") != .string($0) }) else { return nil }
        var ours = base
        ours.set("title", .string(title))
        var theirs = base
        theirs.set("status", .string("Freigabe"))
        var expected = ours
        expected.set("status", .string("Freigabe"))
        return CorpusEdits(ours: ours, theirs: theirs, expected: expected, inserted: [title, "Freigabe"])
    }

    /// Both add a different topic: ours' list, then theirs' new item.
    mutating func frontMatterList() -> CorpusEdits? {
        guard case let .list(topics) = base.value("topics") else { return nil }
        let fresh = CorpusText.topics.filter { !topics.contains($0) }
        guard fresh.count >= 2, let a = pick(fresh), let b = pick(fresh.filter { $0 != a }) else { return nil }
        var ours = base
        ours.set("topics", .list(topics + [a]))
        var theirs = base
        theirs.set("topics", .list(topics + [b]))
        var expected = base
        expected.set("topics", .list(topics + [a, b]))
        var swapped = base
        swapped.set("topics", .list(topics + [b, a]))
        return CorpusEdits(ours: ours, theirs: theirs, expected: expected, expectedSwapped: swapped, inserted: [a, b])
    }

    mutating func frontMatterAndBody() -> CorpusEdits? {
        let id = paragraph()
        let edit = randomEdit(id)
        var ours = base
        ours.set("status", .string("Freigabe"))
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: edited(ours, id, edit), inserted: edit.inserted + ["Freigabe"])
    }

    mutating func sameWord() -> CorpusEdits? {
        let id = paragraph()
        guard let position = pick(prose(id).plainPositions) else { return nil }
        let a = word(), b = word()
        var ours = base
        ours.edit(id) { $0.replace(position, with: a) }
        var theirs = base
        theirs.edit(id) { $0.replace(position, with: b) }
        return CorpusEdits(ours: ours, theirs: theirs, expected: nil, inserted: [a, b])
    }

    /// Ours changes word k (replace, or insert before it), theirs replaces word k+1.
    mutating func neighbouringWords() -> CorpusEdits? {
        let id = paragraph()
        let plain = prose(id).plainPositions
        guard let position = pick(plain.filter { plain.contains($0 + 1) }) else { return nil }
        let a = word(), b = word()
        let insert = random.next() % 2 == 0
        var ours = base
        ours.edit(id) { insert ? $0.insert([a], after: position) : $0.replace(position, with: a) }
        var theirs = base
        theirs.edit(id) { $0.replace(position + 1, with: b) }
        return CorpusEdits(ours: ours, theirs: theirs, expected: nil, inserted: [a, b])
    }

    mutating func deleteVersusEditParagraph() -> CorpusEdits? {
        let id = paragraph()
        let edit = randomEdit(id, kinds: [0, 1, 2])
        var ours = base
        ours.delete(id)
        return CorpusEdits(ours: ours, theirs: edited(base, id, edit), expected: nil, inserted: edit.inserted)
    }

    mutating func deleteVersusEditSentence() -> CorpusEdits? {
        let id = paragraph()
        let prose = prose(id)
        let sentences = prose.sentences
        guard sentences.count >= 2 else { return nil }
        let range = sentences[Int(random.next() % UInt64(sentences.count))]
        guard let position = pick(prose.plainPositions.filter { range.contains($0) }) else { return nil }
        let new = word()
        var ours = base
        ours.edit(id) { $0.delete(range) }
        var theirs = base
        theirs.edit(id) { $0.replace(position, with: new) }
        return CorpusEdits(ours: ours, theirs: theirs, expected: nil, inserted: [new])
    }

    mutating func frontMatterSameKey() -> CorpusEdits? {
        var ours = base
        ours.set("status", .string("Prüfung"))
        var theirs = base
        theirs.set("status", .string("Freigabe"))
        return CorpusEdits(ours: ours, theirs: theirs, expected: nil, inserted: ["Prüfung", "Freigabe"])
    }
}
