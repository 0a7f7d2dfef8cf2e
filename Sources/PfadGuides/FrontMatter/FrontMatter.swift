/// The YAML front matter of a guide: the `---` … `---` block at the top
/// of the file, as typed fields plus every other key in its order.
///
/// A front matter keeps the bytes it was parsed from, split by top-level
/// key (`entries`), so `source` reproduces them exactly. Edits with
/// `setting(_:to:)` and `removing(_:)` rewrite only the lines of the key
/// they touch. See Spec/guides.md, "Front matter".
public struct FrontMatter: Sendable, Hashable {
    /// The keys a guide's front matter knows by name.
    public static let knownKeys: [String] = [
        "title", "number", "municipality", "authors", "date", "status", "topics", "owners",
    ]
    /// The known keys that hold one string.
    static let scalarKeys: Set<String> = ["title", "number", "municipality", "date", "status"]
    /// The known keys that hold a list of strings (a single string counts
    /// as a list of one).
    static let listKeys: Set<String> = ["authors", "topics", "owners"]

    /// The opening delimiter line (`---` and its newline).
    public var opening: [UInt8]
    /// Blank and comment lines before the first key.
    public var leading: [UInt8]
    /// The top-level keys in source order.
    public internal(set) var entries: [FrontMatterEntry]
    /// The closing delimiter line (`---` or `...`, with its newline if the
    /// file has one).
    public var closing: [UInt8]

    /// A front matter made of these parts.
    public init(opening: [UInt8], leading: [UInt8], entries: [FrontMatterEntry], closing: [UInt8]) {
        self.opening = opening
        self.leading = leading
        self.entries = entries
        self.closing = closing
    }

    /// The front matter's bytes, delimiters included: for a parsed,
    /// unedited front matter exactly the bytes it was parsed from.
    public var source: [UInt8] {
        var bytes = opening + leading
        for entry in entries { bytes += entry.source + entry.trailing }
        return bytes + closing
    }

    /// The value of `key`, or nil when the key is absent.
    public subscript(key: String) -> FrontMatterValue? {
        entries.first { $0.key == key }?.value
    }

    /// The guide's title.
    public var title: String? { self["title"]?.string }
    /// The guide's number in the series, as written (`07`, `1.10`).
    public var number: String? { self["number"]?.string }
    /// The municipality the guide comes from.
    public var municipality: String? { self["municipality"]?.string }
    /// The authors, in order.
    public var authors: [String] { self["authors"]?.strings ?? [] }
    /// The date, as written (`2021-03`, `2024-05-14`): never parsed.
    public var date: String? { self["date"]?.string }
    /// The editorial status (`Entwurf`, `veröffentlicht`, …).
    public var status: String? { self["status"]?.string }
    /// The topics, in order.
    public var topics: [String] { self["topics"]?.strings ?? [] }
    /// The people or teams responsible for the guide, in order.
    public var owners: [String] { self["owners"]?.strings ?? [] }

    /// The entries whose keys are not among `knownKeys`, in source order.
    public var unknownEntries: [FrontMatterEntry] {
        entries.filter { !Self.knownKeys.contains($0.key) }
    }
}
