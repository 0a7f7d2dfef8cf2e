/// A file name git gives a meaning to inside trees (`.git`, `.gitmodules`,
/// `.gitattributes`, `.gitignore`, `.mailmap`), with every spelling a file
/// system could take for it — the names fsck's `hasDotgit` and
/// `*Symlink` rules match:
/// - any ASCII case (`.GitModules`);
/// - HFS+: Unicode code points HFS+ ignores anywhere in the name
///   (U+200C–U+200F, U+202A–U+202E, U+206A–U+206F, U+FEFF), a trailing `/`,
///   or a malformed UTF-8 tail (git stops reading there);
/// - NTFS: trailing spaces and dots, a `:` stream suffix, the short name of
///   the first six characters with `~1`…`~4` (`gitmod~1`), and the hashed
///   fallback short name (`gi7eba~1`; the six-character prefixes are those
///   of git's `path.c`, confirmed with `git fsck` 2.39);
/// - for `.git` and `.gitmodules` only, as in git 2.39, also any component
///   after a backslash (`x\.gitmodules`).
public struct SpecialFileName: Hashable, Sendable {
    /// The name without its dot, lower case (`gitmodules`).
    public let stem: [UInt8]
    /// The NTFS fallback short-name prefix; nil for `.git`, whose NTFS
    /// rule is `git~1` only.
    let fallbackPrefix: [UInt8]?
    /// Whether components after a backslash are matched too.
    let checksBackslashComponents: Bool

    private init(_ stem: String, fallbackPrefix: String?, checksBackslashComponents: Bool) {
        self.stem = Array(stem.utf8)
        self.fallbackPrefix = fallbackPrefix.map { Array($0.utf8) }
        self.checksBackslashComponents = checksBackslashComponents
    }

    /// `.git`.
    public static let dotGit = SpecialFileName("git", fallbackPrefix: nil, checksBackslashComponents: true)
    /// `.gitmodules`.
    public static let gitmodules = SpecialFileName("gitmodules", fallbackPrefix: "gi7eba", checksBackslashComponents: true)
    /// `.gitattributes`.
    public static let gitattributes = SpecialFileName("gitattributes", fallbackPrefix: "gi7d29", checksBackslashComponents: false)
    /// `.gitignore`.
    public static let gitignore = SpecialFileName("gitignore", fallbackPrefix: "gi250a", checksBackslashComponents: false)
    /// `.mailmap`.
    public static let mailmap = SpecialFileName("mailmap", fallbackPrefix: "maba30", checksBackslashComponents: false)

    /// True if the tree entry name `name` is this file on HFS+ or NTFS.
    /// O(length of `name`).
    public func matches(_ name: [UInt8]) -> Bool {
        if matchesHFS(name) || matchesNTFS(name[...]) { return true }
        guard checksBackslashComponents else { return false }
        var rest = name[...]
        while let slash = rest.firstIndex(of: Self.backslash) {
            rest = rest[(slash + 1)...]
            if matchesNTFS(rest) { return true }
        }
        return false
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let dot = UInt8(ascii: ".")

    // MARK: HFS+

    /// `.` and the stem, case-insensitive, ignorable code points skipped,
    /// then the end, a `/`, or malformed UTF-8.
    func matchesHFS(_ name: [UInt8]) -> Bool {
        var reader = HFSCharacterReader(bytes: name)
        guard reader.next() == UInt32(Self.dot) else { return false }
        for expected in stem {
            guard let c = reader.next(), c < 0x80, Self.lower(UInt8(c)) == expected else { return false }
        }
        let after = reader.next()
        return after == nil || after == UInt32(UInt8(ascii: "/"))
    }

    // MARK: NTFS

    func matchesNTFS(_ name: ArraySlice<UInt8>) -> Bool {
        let b = Array(name)
        guard let fallbackPrefix else { return matchesNTFSDotGit(b) }
        func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
        // `.stem` and a tail of spaces and dots.
        if at(0) == Self.dot {
            guard b.count > stem.count, zip(b[1...stem.count], stem).allSatisfy({ Self.lower($0) == $1 }) else { return false }
            return Self.onlySpacesAndDots(b, from: stem.count + 1, streamEnds: true)
        }
        // The regular short name: six characters, `~1` to `~4`.
        if b.count >= 8, zip(b[0..<6], stem[0..<6]).allSatisfy({ Self.lower($0) == $1 }), b[6] == UInt8(ascii: "~"),
            (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(b[7])
        {
            return Self.onlySpacesAndDots(b, from: 8, streamEnds: true)
        }
        // The fallback short name: up to six characters of the hashed
        // prefix, `~`, a digit 1–9, more digits, eight characters in all.
        var i = 0
        var sawTilde = false
        while i < 8 {
            let c = at(i)
            if c == 0 { return false }
            if sawTilde {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return false }
            } else if c == UInt8(ascii: "~") {
                i += 1
                guard (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(at(i)) else { return false }
                sawTilde = true
            } else if i >= 6 || c >= 0x80 || Self.lower(c) != fallbackPrefix[i] {
                return false
            }
            i += 1
        }
        return Self.onlySpacesAndDots(b, from: i, streamEnds: true)
    }

    /// `.git` or `git~1`, then spaces and dots up to the end, a slash, a
    /// backslash or a `:`.
    private func matchesNTFSDotGit(_ b: [UInt8]) -> Bool {
        let start: Int
        if b.count >= 4, b[0] == Self.dot, b[1...3].map(Self.lower) == Array("git".utf8) {
            start = 4
        } else if b.count >= 5, b[0...2].map(Self.lower) == Array("git".utf8), b[3] == UInt8(ascii: "~"), b[4] == UInt8(ascii: "1") {
            start = 5
        } else {
            return false
        }
        for c in b[start...] {
            if c == UInt8(ascii: "/") || c == Self.backslash || c == UInt8(ascii: ":") { return true }
            if c != UInt8(ascii: " ") && c != Self.dot { return false }
        }
        return true
    }

    /// True if `b[from...]` holds only spaces and dots up to its end or
    /// (with `streamEnds`) a `:`.
    private static func onlySpacesAndDots(_ b: [UInt8], from: Int, streamEnds: Bool) -> Bool {
        guard from < b.count else { return true }
        for c in b[from...] {
            if streamEnds && c == UInt8(ascii: ":") { return true }
            if c != UInt8(ascii: " ") && c != dot { return false }
        }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b + 0x20 : b
    }
}

/// Reads code points the way HFS+ compares names: ignorable code points
/// are skipped, and malformed UTF-8 ends the name.
struct HFSCharacterReader {
    let bytes: [UInt8]
    var position = 0

    /// The next code point that HFS+ does not ignore; nil at the end or at
    /// malformed UTF-8.
    mutating func next() -> UInt32? {
        while position < bytes.count {
            let lead = bytes[position]
            let length: Int
            switch lead {
            case 0x00..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return nil
            }
            guard position + length <= bytes.count else { return nil }
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<max(length, 1) {
                let continuation = bytes[position + offset]
                guard continuation & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            position += length
            if Self.isIgnorable(value) { continue }
            return value
        }
        return nil
    }

    /// U+200C–U+200F, U+202A–U+202E, U+206A–U+206F and U+FEFF.
    static func isIgnorable(_ c: UInt32) -> Bool {
        (0x200C...0x200F).contains(c) || (0x202A...0x202E).contains(c) || (0x206A...0x206F).contains(c) || c == 0xFEFF
    }
}
