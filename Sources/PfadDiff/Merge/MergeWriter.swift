/// Writes merge pieces as text with git's conflict markers.
enum MergeWriter {
    static func write(_ pieces: [MergePiece], table: MergeLineTable, options: MergeOptions) -> MergeResult {
        var out: [UInt8] = []
        var conflicts = 0
        func lines(_ indices: [Int], closeLine: Bool) {
            for index in indices { out += table.lines[index] }
            if closeLine, !indices.isEmpty, out.last != 0x0A { out.append(0x0A) }
        }
        func marker(_ char: UInt8, _ label: [UInt8]?) {
            out += [UInt8](repeating: char, count: options.markerSize)
            if let label {
                out.append(0x20)
                out += label
            }
            out.append(0x0A)
        }
        for piece in pieces {
            switch piece {
            case let .stable(indices), let .resolved(indices):
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
