/// git's C-style quoting of a path in diff output
/// (`Documentation/diff-generate-patch.txt`: names with unusual characters
/// are quoted as explained for `core.quotePath`).
public enum PathQuote {
    /// `path` in double quotes with `\t \n \" \\`-style escapes and octal
    /// for other control bytes (and for bytes ≥ 0x80 when `highBytes`), or
    /// unchanged when nothing needs quoting. O(length).
    public static func quote(_ path: [UInt8], highBytes: Bool = true) -> [UInt8] {
        guard path.contains(where: { needsQuoting($0, highBytes: highBytes) }) else { return path }
        var out: [UInt8] = [0x22]
        for byte in path {
            switch byte {
            case 0x07: out += [0x5C, 0x61]
            case 0x08: out += [0x5C, 0x62]
            case 0x09: out += [0x5C, 0x74]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0B: out += [0x5C, 0x76]
            case 0x0C: out += [0x5C, 0x66]
            case 0x0D: out += [0x5C, 0x72]
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            default:
                if needsQuoting(byte, highBytes: highBytes) {
                    out += [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
                } else {
                    out.append(byte)
                }
            }
        }
        out.append(0x22)
        return out
    }

    static func needsQuoting(_ byte: UInt8, highBytes: Bool) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (highBytes && byte >= 0x80)
    }
}
