import Foundation

/// The `merge` attribute of paths, read from the top-level
/// `.gitattributes` of the work tree and from `info/attributes` (which
/// wins), as git reads them: a line is a pattern and attributes
/// (`merge=guide`, `merge`, `-merge`, `!merge`); later lines win. A
/// pattern without a slash matches the file name at any depth, one with a
/// slash the path from the top (`**` for any folders).
///
/// Only what the merge needs: `.gitattributes` files in subfolders and
/// macros (`[attr]`) are not read.
public struct MergeAttributes: Sendable {
    /// What a path's `merge` attribute says.
    public enum Value: Sendable, Hashable {
        /// `merge=<driver>`.
        case driver(String)
        /// `merge` (set: the line merge).
        case set
        /// `-merge` (unset: git treats the file as binary).
        case unset
    }

    struct Rule: Sendable {
        var pattern: [UInt8]
        var anchored: Bool
        /// nil: `!merge`, back to unspecified.
        var value: Value?
    }

    let rules: [Rule]

    /// The rules of `repository` (none when it has no work tree or files).
    public init(_ repository: Repository) {
        var texts: [[UInt8]] = []
        if let workTree = repository.workTree, let data = FileManager.default.contents(atPath: workTree + "/.gitattributes") {
            texts.append(Array(data))
        }
        if let data = FileManager.default.contents(atPath: repository.gitDirectory + "/info/attributes") {
            texts.append(Array(data))
        }
        self.init(files: texts)
    }

    /// The rules of attribute files given as bytes, lowest precedence first.
    public init(files: [[UInt8]]) {
        var rules: [Rule] = []
        for text in files {
            for line in text.split(separator: 0x0A) {
                let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
                guard var pattern = fields.first.map(Array.init), pattern.first != UInt8(ascii: "#"),
                    pattern.first != UInt8(ascii: "[")
                else { continue }
                var value: Value??
                for field in fields.dropFirst() {
                    let text = String(decoding: field, as: UTF8.self)
                    if text == "merge" {
                        value = .some(.set)
                    } else if text == "-merge" {
                        value = .some(.unset)
                    } else if text == "!merge" {
                        value = .some(nil)
                    } else if text.hasPrefix("merge=") {
                        value = .some(.driver(String(text.dropFirst(6))))
                    }
                }
                guard let value else { continue }
                let anchored = pattern.dropLast().contains(UInt8(ascii: "/"))
                if pattern.first == UInt8(ascii: "/") { pattern.removeFirst() }
                rules.append(Rule(pattern: pattern, anchored: anchored, value: value))
            }
        }
        self.rules = rules
    }

    /// The `merge` attribute of `path` (from the top, `/`-separated), or
    /// nil when unspecified.
    public func value(for path: [UInt8]) -> Value? {
        let name = path.lastIndex(of: UInt8(ascii: "/")).map { Array(path[($0 + 1)...]) } ?? path
        for rule in rules.reversed() {
            let subject = rule.anchored ? path : name
            if WildMatch.match(pattern: rule.pattern, text: subject, flags: .pathname) { return rule.value }
        }
        return nil
    }
}
