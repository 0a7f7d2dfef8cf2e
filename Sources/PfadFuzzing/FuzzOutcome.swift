/// What one fuzz input did to a parser. Only `.violation` is a finding:
/// a thrown error is the parser doing its job (crashes and hangs are found
/// by the fuzzer itself, not reported here).
public enum FuzzOutcome: Sendable, Equatable {
    /// The parser accepted the input (and every property checked on the
    /// result held).
    case accepted
    /// The parser refused the input with a thrown error or `nil`.
    case rejected
    /// The parser accepted the input but a property that must hold for
    /// every accepted input did not (e.g. parse-then-serialise gave other
    /// bytes). The text says which.
    case violation(String)
}
