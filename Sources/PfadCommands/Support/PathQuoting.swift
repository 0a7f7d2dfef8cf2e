/// git's C-style quoting of paths in command output (`core.quotePath`).
///
/// A path that holds a control character, `"`, `\` or — with `quotePath` —
/// any byte ≥ 0x80 is printed in double quotes with `\a \b \t \n \v \f \r \" \\`
/// escapes and three-digit octal for other bytes, e.g.
/// `"Leitf\303\244den/\303\234ber uns.md"`. Other paths are printed as they are.
public enum PathQuoting {
    /// The printable form of `path`.
    public static func quote(_ path: [UInt8], quotePath: Bool = true) -> [UInt8] {
        guard path.contains(where: { needsQuoting($0, quotePath: quotePath) }) else { return path }
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
                if needsQuoting(byte, quotePath: quotePath) {
                    out += [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
                } else {
                    out.append(byte)
                }
            }
        }
        out.append(0x22)
        return out
    }

    /// True if `byte` forces quoting.
    static func needsQuoting(_ byte: UInt8, quotePath: Bool) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (quotePath && byte >= 0x80)
    }

    /// `path` made relative to the folder `prefix` ('/'-terminated, from the
    /// work tree root), with `../` steps where it lies outside, as git prints
    /// paths in `status -s` and `ls-files`.
    public static func relative(_ path: [UInt8], to prefix: [UInt8]) -> [UInt8] {
        if prefix.isEmpty { return path }
        if path.starts(with: prefix) { return Array(path.dropFirst(prefix.count)) }
        var prefixParts = prefix.split(separator: 0x2F).map(Array.init)
        var pathParts = path.split(separator: 0x2F, omittingEmptySubsequences: false).map(Array.init)
        while let p = prefixParts.first, let q = pathParts.first, p == q, pathParts.count > 1 {
            prefixParts.removeFirst()
            pathParts.removeFirst()
        }
        let ups = [UInt8](repeating: 0, count: prefixParts.count).flatMap { _ in Array("../".utf8) }
        return ups + Array(pathParts.joined(separator: [0x2F]))
    }
}
