/// Which white-space differences the line comparison ignores
/// (`-w`, `-b`, `--ignore-space-at-eol`). Lines are compared through a
/// normalised key; the output still shows the real lines.
public enum WhitespaceMode: Sendable, Hashable {
    /// Compare lines byte for byte.
    case exact
    /// `-w`: ignore all white space.
    case ignoreAll
    /// `-b`: ignore changes in the amount of white space (runs count as
    /// one space; white space at the end of the line is ignored).
    case ignoreChange
    /// `--ignore-space-at-eol`: ignore white space at the end of the line.
    case ignoreAtEndOfLine

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C || b == 0x0D
    }

    /// The comparison key of `line` (terminator included in `line`). O(n).
    func key(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var body = line
        let hasNewline = body.last == 0x0A
        if hasNewline { body = body.dropLast() }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 1)
        switch self {
        case .exact:
            out += body
        case .ignoreAll:
            for b in body where !Self.isSpace(b) { out.append(b) }
        case .ignoreChange:
            var pendingSpace = false
            for b in body {
                if Self.isSpace(b) {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    if pendingSpace && out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(b)
                }
            }
        case .ignoreAtEndOfLine:
            var end = body.endIndex
            while end > body.startIndex && Self.isSpace(body[end - 1]) { end -= 1 }
            out += body[body.startIndex..<end]
        }
        if hasNewline || self != .exact { out.append(0x0A) }
        return out
    }
}
