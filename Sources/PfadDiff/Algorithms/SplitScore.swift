/// The indent heuristic's judgement of one place where a change group could
/// begin or end (a *split* above a line), after git's weights (found by
/// Michael Haggerty on a corpus of human-judged diffs). A group that can
/// slide is scored at each position by the sum of its two splits, and the
/// lowest sum wins (the lower position on a tie).
///
/// What counts at a split: the blank lines just above it and from the line
/// below it on (capped at `maximumBlanks`), the indentation of the first
/// non-blank line from the split down (its *effective indent*), the
/// indentation of the nearest non-blank lines above it and after it, and
/// whether it sits at the very start or end of the file.
struct SplitScore {
    /// Sum of the effective indents (smaller is better).
    var effectiveIndent = 0
    /// Sum of the penalties (smaller is better).
    var penalty = 0

    /// Counting blank lines stops here (a non-blank line of indent 0 is assumed beyond).
    static let maximumBlanks = 20
    /// How far up a group is considered at most.
    static let maximumSlide = 100

    /// Adds the split above line `split` of a side whose line widths are
    /// `widths` (-1 = blank, see `LineIndentation`). O(blank lines nearby).
    mutating func add(split: Int, widths: [Int16]) {
        let count = widths.count
        let atEnd = split >= count
        let indent = atEnd ? -1 : Int(widths[split])
        var blanksAbove = 0
        var indentAbove = -1
        var i = split - 1
        while i >= 0 {
            indentAbove = Int(widths[i])
            if indentAbove != -1 { break }
            blanksAbove += 1
            if blanksAbove == Self.maximumBlanks {
                indentAbove = 0
                break
            }
            i -= 1
        }
        var blanksBelow = 0
        var indentBelow = -1
        i = split + 1
        while i < count {
            indentBelow = Int(widths[i])
            if indentBelow != -1 { break }
            blanksBelow += 1
            if blanksBelow == Self.maximumBlanks {
                indentBelow = 0
                break
            }
            i += 1
        }
        if indentAbove == -1 && blanksAbove == 0 { penalty += 1 }  // start of the file
        if atEnd { penalty += 21 }
        // Blank lines from the split down (the line below the split included).
        let blanksFromSplit = indent == -1 ? 1 + blanksBelow : 0
        let blanks = blanksAbove + blanksFromSplit
        penalty += -30 * blanks + 6 * blanksFromSplit
        let effective = indent != -1 ? indent : indentBelow
        effectiveIndent += effective
        guard effective != -1, indentAbove != -1 else { return }
        let nearBlank = blanks != 0
        if effective > indentAbove {
            penalty += nearBlank ? 10 : -4  // deeper than the line above
        } else if effective < indentAbove {
            if indentBelow != -1 && indentBelow > effective {
                penalty += nearBlank ? 17 : 24  // shallower, but a block seems to start here
            } else {
                penalty += nearBlank ? 17 : 23  // shallower: a block seems to end here
            }
        }
    }

    /// Whether `self` is at least as good as `other`: the sign of the
    /// effective-indent difference weighs 60, the penalty difference adds.
    func isNoWorse(than other: SplitScore) -> Bool {
        let indentOrder = (effectiveIndent > other.effectiveIndent ? 1 : 0) - (effectiveIndent < other.effectiveIndent ? 1 : 0)
        return 60 * indentOrder + (penalty - other.penalty) <= 0
    }
}
