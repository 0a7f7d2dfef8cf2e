extension Refspec {
    /// A push refspec: like a fetch refspec, but the source may be any
    /// revision (`main~1:refs/heads/old`), so it never fails to parse; the
    /// push operation resolves and checks both sides.
    public init(pushing text: String) {
        if let spec = try? Refspec(parsing: text) {
            self = spec
            return
        }
        var rest = Substring(text)
        let force = rest.hasPrefix("+")
        if force { rest = rest.dropFirst() }
        guard let colon = rest.lastIndex(of: ":") else {
            self.init(source: Array(rest.utf8), destination: nil, force: force)
            return
        }
        self.init(
            source: Array(rest[..<colon].utf8), destination: Array(rest[rest.index(after: colon)...].utf8), force: force)
    }
}
