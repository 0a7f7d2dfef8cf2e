/// Writes merge pieces as text with git's conflict markers. Markers end
/// in CRLF when the text around the conflict does: the line before it,
/// or, for a conflict at the top, the first lines of both sides.
enum MergeWriter {
    static func endsWithCRLF(_ line: ArraySlice<UInt8>) -> Bool {
        line.count >= 2 && line[line.endIndex - 1] == 0x0A && line[line.endIndex - 2] == 0x0D
    }

    static func write(_ pieces: [MergePiece], table: MergeLineTable, options: MergeOptions) -> MergeResult {
        var out: [UInt8] = []
        var conflicts = 0
        var lastLine: ArraySlice<UInt8>?
        var crlf = false
        func lines(_ indices: [Int], closeLine: Bool) {
            for index in indices {
                out += table.lines[index]
                lastLine = table.lines[index]
            }
            if closeLine, !indices.isEmpty, out.last != 0x0A {
                if crlf { out.append(0x0D) }
                out.append(0x0A)
            }
        }
        func marker(_ char: UInt8, _ label: [UInt8]?) {
            out += [UInt8](repeating: char, count: options.markerSize)
            if let label {
                out.append(0x20)
                out += label
            }
            if crlf { out.append(0x0D) }
            out.append(0x0A)
        }
        for piece in pieces {
            switch piece {
            case let .stable(indices), let .resolved(indices), let .identical(indices):
                lines(indices, closeLine: false)
            case let .conflict(ours, base, theirs):
                switch options.favor {
                case .ours:
                    lines(ours, closeLine: false)
                case .theirs:
                    lines(theirs, closeLine: false)
                case .union:
                    lines(ours, closeLine: !theirs.isEmpty)
                    lines(theirs, closeLine: false)
                case nil:
                    conflicts += 1
                    if let lastLine {
                        crlf = endsWithCRLF(lastLine)
                    } else {
                        let oursCR = ours.first.map { endsWithCRLF(table.lines[$0]) }
                        let theirsCR = theirs.first.map { endsWithCRLF(table.lines[$0]) }
                        crlf = (oursCR ?? theirsCR ?? false) && (theirsCR ?? oursCR ?? false)
                    }
                    marker(0x3C, options.currentLabel)
                    lines(ours, closeLine: true)
                    if options.style != .merge {
                        marker(0x7C, options.baseLabel)
                        lines(base, closeLine: true)
                    }
                    marker(0x3D, nil)
                    lines(theirs, closeLine: true)
                    marker(0x3E, options.otherLabel)
                }
            }
        }
        return MergeResult(content: out, conflicts: conflicts)
    }
}
