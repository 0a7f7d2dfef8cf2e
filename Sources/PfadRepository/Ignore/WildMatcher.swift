/// Memoised backtracking over compiled tokens: each (token, text position)
/// state is tried at most once, so matching is O(tokens × text).
struct WildMatcher {
    let tokens: [WildPattern.Token]
    let text: UnsafeBufferPointer<UInt8>
    let pathname: Bool
    let casefold: Bool
    /// Failed states, allocated on the first wildcard that backtracks.
    private var failed: [Bool] = []

    private static let slash: UInt8 = 0x2F

    init(tokens: [WildPattern.Token], text: UnsafeBufferPointer<UInt8>, pathname: Bool, casefold: Bool) {
        self.tokens = tokens
        self.text = text
        self.pathname = pathname
        self.casefold = casefold
    }

    mutating func match(token startToken: Int, at startPosition: Int) -> Bool {
        var t = startToken
        var i = startPosition
        let count = text.count
        while t < tokens.count {
            switch tokens[t] {
            case .literal(let c):
                guard i < count else { return false }
                let b = text[i]
                guard b == c || (casefold && asciiLower(b) == asciiLower(c)) else { return false }
            case .anyByte:
                guard i < count, !(pathname && text[i] == Self.slash) else { return false }
            case .characterClass(let cls):
                guard i < count, !(pathname && text[i] == Self.slash) else { return false }
                guard cls.containsIgnoringNegation(text[i], casefold: casefold) != cls.negated else { return false }
            case .star(let crossesSlash):
                if t == tokens.count - 1 {
                    return crossesSlash || !text[i...].contains(Self.slash)
                }
                var k = i
                while k <= count {
                    if tryState(token: t + 1, at: k) { return true }
                    if k < count && !crossesSlash && text[k] == Self.slash { return false }
                    k += 1
                }
                return false
            case .directories:
                if tryState(token: t + 1, at: i) { return true }
                var k = i
                while k < count {
                    if text[k] == Self.slash && tryState(token: t + 1, at: k + 1) { return true }
                    k += 1
                }
                return false
            }
            t += 1
            i += 1
        }
        return i == count
    }

    /// `match(token:at:)` with memoisation of failures.
    private mutating func tryState(token: Int, at position: Int) -> Bool {
        let width = text.count + 1
        if failed.isEmpty { failed = [Bool](repeating: false, count: (tokens.count + 1) * width) }
        let key = token * width + position
        if failed[key] { return false }
        if match(token: token, at: position) { return true }
        failed[key] = true
        return false
    }
}
