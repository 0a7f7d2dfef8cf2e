/// Turns pattern bytes into `WildPattern.Token`s; nil for a malformed pattern.
struct WildPatternCompiler {
    let pattern: [UInt8]
    let pathname: Bool
    private var index = 0
    private var tokens: [WildPattern.Token] = []

    private static let slash: UInt8 = 0x2F
    private static let backslash: UInt8 = 0x5C
    private static let star: UInt8 = 0x2A

    init(pattern: [UInt8], pathname: Bool) {
        self.pattern = pattern
        self.pathname = pathname
    }

    mutating func compile() -> [WildPattern.Token]? {
        while index < pattern.count {
            let c = pattern[index]
            switch c {
            case Self.backslash:
                guard index + 1 < pattern.count else { return nil }
                tokens.append(.literal(pattern[index + 1]))
                index += 2
            case 0x3F:  // ?
                tokens.append(.anyByte)
                index += 1
            case Self.star:
                compileStars()
            case 0x5B:  // [
                guard let cls = compileClass() else { return nil }
                tokens.append(.characterClass(cls))
            default:
                tokens.append(.literal(c))
                index += 1
            }
        }
        return tokens
    }

    /// A run of `*`: without `.pathname` it crosses `/`; with it, only a `**`
    /// standing as a whole path component does (and `**/` may match nothing).
    private mutating func compileStars() {
        let start = index
        while index < pattern.count && pattern[index] == Self.star { index += 1 }
        guard pathname else {
            tokens.append(.star(crossesSlash: true))
            return
        }
        guard index - start >= 2 else {
            tokens.append(.star(crossesSlash: false))
            return
        }
        let startsComponent = start == 0 || pattern[start - 1] == Self.slash
        let next: UInt8? = index < pattern.count ? pattern[index] : nil
        let escapedSlashNext = next == Self.backslash && index + 1 < pattern.count && pattern[index + 1] == Self.slash
        let endsComponent = next == nil || next == Self.slash || escapedSlashNext
        if startsComponent && next == Self.slash {
            tokens.append(.directories)
            index += 1
        } else {
            tokens.append(.star(crossesSlash: startsComponent && endsComponent))
        }
    }

    /// Parses `[...]` starting at `index` (which is at `[`); nil if unterminated or a class name is unknown.
    private mutating func compileClass() -> CharacterClass? {
        var j = index + 1
        var negated = false
        if j < pattern.count && (pattern[j] == 0x21 || pattern[j] == 0x5E) {  // ! or ^
            negated = true
            j += 1
        }
        var items: [CharacterClass.Item] = []
        var previous: UInt8? = nil
        var first = true
        while true {
            guard j < pattern.count else { return nil }
            let c = pattern[j]
            if c == 0x5D && !first { break }  // ]
            first = false
            if c == Self.backslash {
                guard j + 1 < pattern.count else { return nil }
                items.append(.byte(pattern[j + 1]))
                previous = pattern[j + 1]
                j += 2
            } else if c == 0x2D, let low = previous, j + 1 < pattern.count, pattern[j + 1] != 0x5D {  // -
                var high = pattern[j + 1]
                j += 2
                if high == Self.backslash {
                    guard j < pattern.count else { return nil }
                    high = pattern[j]
                    j += 1
                }
                items.append(.range(low, high))
                previous = nil
            } else if c == 0x5B && j + 1 < pattern.count && pattern[j + 1] == 0x3A {  // [:
                var k = j + 2
                while k < pattern.count && pattern[k] != 0x5D { k += 1 }
                guard k < pattern.count else { return nil }
                if k - (j + 2) < 1 || pattern[k - 1] != 0x3A {
                    // No ":]": the '[' is an ordinary member.
                    items.append(.byte(c))
                    previous = c
                    j += 1
                    continue
                }
                let name = String(decoding: pattern[(j + 2)..<(k - 1)], as: UTF8.self)
                guard let named = CharacterClass.NamedClass(rawValue: name) else { return nil }
                items.append(.named(named))
                previous = nil
                j = k + 1
            } else {
                items.append(.byte(c))
                previous = c
                j += 1
            }
        }
        index = j + 1
        return CharacterClass(negated: negated, items: items)
    }
}
