import PfadGuides

/// A guide's front matter: split from the body; when accepted, its source
/// bytes must be the input's first bytes, and setting and removing a key
/// must keep it parseable.
enum FrontMatterTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let (frontMatter, body) = try? FrontMatter.split(bytes) else { return .rejected }
        guard body.lowerBound >= 0, body.upperBound == bytes.count, body.lowerBound <= bytes.count else {
            return .violation("body range \(body) outside \(bytes.count) bytes")
        }
        guard let frontMatter else { return .accepted }
        guard frontMatter.source == Array(bytes[..<body.lowerBound]) else {
            return .violation("front matter source is not the input's head")
        }
        _ = (frontMatter.title, frontMatter.authors, frontMatter.topics, frontMatter.date, frontMatter.status)
        for key in ["title", "topics", "neu"] {
            guard let edited = try? frontMatter.setting(key, to: "Wanderung über den Kahlen Asten") else { continue }
            guard (try? FrontMatter.split(edited.source + Array(bytes[body]))) != nil else {
                return .violation("setting '\(key)' gives front matter that does not parse")
            }
        }
        if let first = frontMatter.entries.first {
            let removed = frontMatter.removing(first.key)
            guard (try? FrontMatter.split(removed.source + Array(bytes[body]))) != nil else {
                return .violation("removing '\(first.key)' gives front matter that does not parse")
            }
        }
        return .accepted
    }
}
