import PfadObjects
import PfadStore

/// Reflog lookups for `reflog` and the revision syntax `REF@{N}`, `@{N}`
/// and `@{-N}` (`Documentation/revisions.txt`).
public enum ReflogReader {
    /// The full ref whose reflog `name` means: `HEAD`, or the ref `name`
    /// expands to (`main` → `refs/heads/main`); `""` or `@` is HEAD.
    /// nil when no such ref exists.
    public static func refName(_ name: String, repository: Repository) throws -> [UInt8]? {
        if name.isEmpty || name == "@" || name == "HEAD" { return Array("HEAD".utf8) }
        return try RevisionParser(repository).expandRefName(name)
    }

    /// The ref `REF@{N}`/`@{N}` reads: `@{N}` alone means the current
    /// branch (HEAD when detached), as in git.
    static func refForSelector(_ ref: String, repository: Repository) throws -> [UInt8]? {
        if ref.isEmpty {
            let head = try HeadInfo.read(repository)
            return head.refName ?? Array("HEAD".utf8)
        }
        return try refName(ref, repository: repository)
    }

    /// The value `ref` had `n` changes ago (`n` = 0: after the newest
    /// entry); nil when the reflog is shorter.
    public static func entry(_ ref: [UInt8], _ n: Int, repository: Repository) throws -> ObjectID? {
        let entries = try repository.refs.readReflog(ref)
        guard n >= 0, n < entries.count else { return nil }
        return entries[entries.count - 1 - n].new
    }

    /// The branch checked out `n` switches ago (`@{-N}`), from HEAD's
    /// reflog messages `checkout: moving from A to B`; nil when there were
    /// fewer switches.
    public static func previousBranch(_ n: Int, repository: Repository) throws -> String? {
        guard n > 0 else { return nil }
        let prefix = Array("checkout: moving from ".utf8)
        let separator = Array(" to ".utf8)
        var seen = 0
        for entry in try repository.refs.readReflog(Array("HEAD".utf8)).reversed() {
            guard entry.message.starts(with: prefix) else { continue }
            let rest = Array(entry.message.dropFirst(prefix.count))
            guard let cut = rest.firstRange(of: separator) else { continue }
            seen += 1
            if seen == n { return String(decoding: rest[..<cut.lowerBound], as: UTF8.self) }
        }
        return nil
    }
}
