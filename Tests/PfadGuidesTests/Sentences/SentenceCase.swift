/// One hand-written sentence-splitting case: a German text and the
/// sentences it must split into (each without surrounding white space).
struct SentenceCase: Sendable, CustomStringConvertible {
    let input: String
    let expected: [String]

    init(_ input: String, _ expected: [String]) {
        self.input = input
        self.expected = expected
    }

    /// A text that is one sentence as it stands.
    init(whole input: String) {
        self.input = input
        self.expected = [input]
    }

    var description: String { input }
}
