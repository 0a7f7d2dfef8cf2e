/// git's compact display of a path pair: `dir/{old => new}/file` when the
/// two share leading or trailing path components, else `old => new`, and
/// just the path when both are equal.
public enum RenameDisplay {
    /// The display form of `old` → `new`. O(length).
    public static func format(old: [UInt8], new: [UInt8]) -> [UInt8] {
        if old == new { return old }
        let slash: UInt8 = 0x2F
        var prefix = 0
        var i = 0
        while i < old.count && i < new.count && old[i] == new[i] {
            if old[i] == slash { prefix = i + 1 }
            i += 1
        }
        var suffix = 0
        var a = old.count - 1
        var b = new.count - 1
        while a >= prefix && b >= prefix && old[a] == new[b] {
            if old[a] == slash { suffix = old.count - a }
            a -= 1
            b -= 1
        }
        let arrow = Array(" => ".utf8)
        if prefix + suffix == 0 { return old + arrow + new }
        var out = Array(old[0..<prefix]) + [0x7B]
        out += old[prefix..<(old.count - suffix)]
        out += arrow
        out += new[prefix..<(new.count - suffix)]
        out += [0x7D] + old[(old.count - suffix)...]
        return out
    }
}
