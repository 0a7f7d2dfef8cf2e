/// A bracket expression of a wildmatch pattern (`[a-z]`, `[!0-9]`, `[[:space:]]`).
struct CharacterClass: Sendable, Hashable {
    enum Item: Sendable, Hashable {
        case byte(UInt8)
        case range(UInt8, UInt8)
        case named(NamedClass)
    }

    /// The POSIX class names git's wildmatch knows (ASCII only, as in the C locale).
    enum NamedClass: String, Sendable, Hashable {
        case alnum, alpha, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit

        func contains(_ c: UInt8, casefold: Bool) -> Bool {
            let isUpper = c >= 0x41 && c <= 0x5A
            let isLower = c >= 0x61 && c <= 0x7A
            let isDigit = c >= 0x30 && c <= 0x39
            switch self {
            case .alnum: return isUpper || isLower || isDigit
            case .alpha: return isUpper || isLower
            case .blank: return c == 0x20 || c == 0x09
            case .cntrl: return c < 0x20 || c == 0x7F
            case .digit: return isDigit
            case .graph: return c > 0x20 && c < 0x7F
            case .lower: return isLower || (casefold && isUpper)
            case .print: return c >= 0x20 && c < 0x7F
            case .punct: return c > 0x20 && c < 0x7F && !(isUpper || isLower || isDigit)
            case .space: return c == 0x20 || (c >= 0x09 && c <= 0x0D)
            case .upper: return isUpper || (casefold && isLower)
            case .xdigit: return isDigit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
            }
        }
    }

    var negated: Bool
    var items: [Item]

    /// True if byte `c` is in the class (before negation is applied).
    func containsIgnoringNegation(_ c: UInt8, casefold: Bool) -> Bool {
        for item in items {
            switch item {
            case .byte(let b):
                if b == c || (casefold && asciiLower(b) == asciiLower(c)) { return true }
            case .range(let low, let high):
                if low <= c && c <= high { return true }
                if casefold {
                    let lower = asciiLower(c)
                    let upper = asciiUpper(c)
                    if (low <= lower && lower <= high) || (low <= upper && upper <= high) { return true }
                }
            case .named(let named):
                if named.contains(c, casefold: casefold) { return true }
            }
        }
        return false
    }
}

/// ASCII lower case of one byte; other bytes unchanged.
@inline(__always)
func asciiLower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }

/// ASCII upper case of one byte; other bytes unchanged.
@inline(__always)
func asciiUpper(_ c: UInt8) -> UInt8 { c >= 0x61 && c <= 0x7A ? c - 0x20 : c }
