import PfadDiff

/// The text a guide merge writes: bytes appended in order, and conflicts
/// written with git's markers on lines of their own (or resolved at once
/// when the options favour a side).
struct MergedText {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []
    /// Conflicts written so far.
    private(set) var conflicts = 0
    /// Markers, labels and style.
    let options: MergeOptions
    /// Set after a conflict's closing marker: the white space that follows
    /// up to and including one line break is dropped, since the marker
    /// line already ended the line.
    private var afterConflict = false

    init(options: MergeOptions) {
        self.options = options
    }

    /// Appends merged bytes.
    mutating func append<Bytes: Collection>(_ new: Bytes) where Bytes.Element == UInt8 {
        guard !new.isEmpty else { return }
        guard afterConflict else {
            bytes.append(contentsOf: new)
            return
        }
        afterConflict = false
        var index = new.startIndex
        while index < new.endIndex, new[index] == 0x20 || new[index] == 0x09 { index = new.index(after: index) }
        if index < new.endIndex, new[index] == 0x0A { index = new.index(after: index) }
        bytes.append(contentsOf: new[index...])
    }

    /// Writes a conflict between `ours` and `theirs` (with `base` for the
    /// diff3 styles), each side on lines of its own.
    mutating func conflict(ours: [UInt8], base: [UInt8], theirs: [UInt8]) {
        switch options.favor {
        case .ours:
            append(ours)
            return
        case .theirs:
            append(theirs)
            return
        case .union:
            append(ours)
            if !ours.isEmpty, !theirs.isEmpty, bytes.last != 0x0A { bytes.append(0x0A) }
            append(theirs)
            return
        case nil:
            break
        }
        conflicts += 1
        afterConflict = false
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        marker(UInt8(ascii: "<"), options.currentLabel)
        side(ours)
        if options.style != .merge {
            marker(UInt8(ascii: "|"), options.baseLabel)
            side(base)
        }
        marker(UInt8(ascii: "="), nil)
        side(theirs)
        marker(UInt8(ascii: ">"), options.otherLabel)
        afterConflict = true
    }

    private mutating func side(_ text: [UInt8]) {
        guard !text.isEmpty else { return }
        bytes += text
        if text.last != 0x0A { bytes.append(0x0A) }
    }

    private mutating func marker(_ char: UInt8, _ label: [UInt8]?) {
        bytes += [UInt8](repeating: char, count: max(1, options.markerSize))
        if let label {
            bytes.append(0x20)
            bytes += label
        }
        bytes.append(0x0A)
    }
}
