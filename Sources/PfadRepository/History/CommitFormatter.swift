import PfadObjects

/// Renders commits in a `PrettyFormat` (`Documentation/pretty-formats.txt`).
///
/// Abbreviated ids are computed once per object and cached; not
/// thread-safe. Each call returns one commit's text, without the separator
/// between commits (see `LogPrinter`-style callers: block formats put a
/// blank line between commits, `tformat` ends each with a newline).
public final class CommitFormatter {
    /// The repository abbreviations are computed in.
    public let repository: Repository
    /// The format.
    public let format: PrettyFormat
    /// The `--date` style for `%ad`, `%cd` and the `Date:` lines.
    public var dateStyle: DateStyle = .default
    /// Decorations for `--decorate` and `%d`/`%D`; nil prints none for
    /// `--decorate` (placeholders then load them on first use).
    public var decorations: Decorations?
    /// Whether the header shows decorations (`--decorate`).
    public var decorate = false
    private let abbreviator: Abbreviator

    /// A formatter for `format` in `repository`.
    public init(repository: Repository, format: PrettyFormat) {
        self.repository = repository
        self.format = format
        self.abbreviator = Abbreviator(repository: repository)
    }

    /// The shortest unique abbreviation of `id` (git's `%h`), cached.
    public func abbreviate(_ id: ObjectID) throws -> String {
        try abbreviator.abbreviate(id)
    }

    /// One commit's text in the format. For block formats the text ends
    /// with the last message line's newline; for `oneline` and templates
    /// it has no final newline.
    /// - Throws: `RepositoryError` for unreadable objects (abbreviation).
    public func render(_ id: ObjectID, _ commit: Commit) throws -> [UInt8] {
        switch format {
        case .oneline:
            var out = Array(try abbreviate(id).utf8)
            if decorate { out += try decorations(for: id) }
            out.append(0x20)
            out += commit.summary
            return out
        case .template(let template, _):
            return try expand(template, id, commit)
        case .short, .medium, .full, .fuller:
            return try block(id, commit)
        }
    }

    private func decorations(for id: ObjectID) throws -> [UInt8] {
        if decorations == nil { decorations = try Decorations(repository: repository) }
        return decorations?.parenthesized(id) ?? []
    }

    private func block(_ id: ObjectID, _ commit: Commit) throws -> [UInt8] {
        var out = Array("commit ".utf8) + id.hexBytes
        if decorate { out += try decorations(for: id) }
        out.append(0x0A)
        if commit.parents.count > 1 {
            out += Array("Merge:".utf8)
            for p in commit.parents { out += Array(" \(try abbreviate(p))".utf8) }
            out.append(0x0A)
        }
        func person(_ label: String, _ s: Signature) -> [UInt8] {
            Array(label.utf8) + s.name + Array(" <".utf8) + s.email + Array(">\n".utf8)
        }
        func date(_ label: String, _ s: Signature) throws -> [UInt8] {
            Array((label + (try dateStyle.format(time: s.time, offset: s.offset)) + "\n").utf8)
        }
        switch format {
        case .short:
            out += person("Author: ", commit.author)
        case .medium:
            out += person("Author: ", commit.author)
            out += try date("Date:   ", commit.author)
        case .full:
            out += person("Author: ", commit.author)
            out += person("Commit: ", commit.committer)
        default:
            out += person("Author:     ", commit.author)
            out += try date("AuthorDate: ", commit.author)
            out += person("Commit:     ", commit.committer)
            out += try date("CommitDate: ", commit.committer)
        }
        let lines = format == .short ? [MessageCleanup.summary(of: commit.message)[...]] : MessageText.bodyLines(commit.message)
        if !lines.isEmpty && !(lines.count == 1 && lines[0].isEmpty) {
            out.append(0x0A)
            for line in lines {
                out += MessageText.indented(line)
                out.append(0x0A)
            }
        }
        return out
    }
}
