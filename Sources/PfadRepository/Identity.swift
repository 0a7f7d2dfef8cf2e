import Foundation
import PfadObjects
import PfadStore

/// Who is writing: author and committer identities built the way git builds
/// them — `GIT_AUTHOR_*`/`GIT_COMMITTER_*` first, then `author.*`/`committer.*`
/// and `user.*` from the configuration, dates from `GIT_*_DATE` or the clock.
public enum Identity {
    /// The two roles an identity can have.
    public enum Role: String, Sendable {
        case author, committer
    }

    /// The signature for `role`, stamped now unless the environment fixes the date.
    /// - Throws: `missingIdentity` when no name/email can be found,
    ///   `invalidDate` for an unparsable `GIT_*_DATE`.
    public static func signature(
        for role: Role, settings: ConfigStack, environment: [String: String] = ProcessInfo.processInfo.environment,
        now: Date = Date()
    ) throws -> Signature {
        let upper = role.rawValue.uppercased()
        let name = environment["GIT_\(upper)_NAME"] ?? settings.get("\(role.rawValue).name") ?? settings.get("user.name")
        let email = environment["GIT_\(upper)_EMAIL"] ?? settings.get("\(role.rawValue).email") ?? settings.get("user.email")
            ?? environment["EMAIL"]
        guard let name, let email else { throw RepositoryError.missingIdentity(role.rawValue) }
        let cleanName = sanitize(name)
        guard !cleanName.isEmpty else {
            throw RepositoryError.other("empty ident name (for <\(email)>) not allowed")
        }
        let (time, offset) = try date(environment["GIT_\(upper)_DATE"], now: now)
        return Signature(name: Array(cleanName.utf8), email: Array(sanitize(email).utf8), time: time, offset: Array(offset.utf8))
    }

    /// Parses `--author "Name <email>"` into a signature dated like the author.
    public static func signature(fromAuthorOption option: String, date: (time: Int64, offset: String)) throws -> Signature {
        guard let open = option.firstIndex(of: "<"), let close = option.lastIndex(of: ">"), open < close else {
            throw RepositoryError.other("--author '\(option)' is not 'Name <email>' and matches no existing author")
        }
        let name = sanitize(String(option[..<open]))
        let email = String(option[option.index(after: open)..<close])
        return Signature(name: Array(name.utf8), email: Array(email.utf8), time: date.time, offset: Array(date.offset.utf8))
    }

    /// A `GIT_*_DATE`-style value (or the clock when nil) as seconds and a `+hhmm` offset.
    public static func date(_ value: String?, now: Date = Date()) throws -> (time: Int64, offset: String) {
        if let value, !value.isEmpty {
            guard let parsed = GitDate.parse(value) else { throw RepositoryError.invalidDate(value) }
            return (parsed.time, GitDate.formatOffset(minutes: parsed.offsetMinutes))
        }
        let seconds = TimeZone.current.secondsFromGMT(for: now)
        return (Int64(now.timeIntervalSince1970.rounded(.down)), GitDate.formatOffset(minutes: seconds / 60))
    }

    /// Removes what git removes from identities: leading and trailing
    /// whitespace and punctuation "crud", and any `<`, `>` or newline.
    static func sanitize(_ s: String) -> String {
        let crud: Set<Character> = [".", ",", ":", ";", "<", ">", "\"", "\\", "'", " ", "\t", "\n"]
        var chars = Array(s.filter { $0 != "<" && $0 != ">" && $0 != "\n" })
        while let first = chars.first, crud.contains(first) { chars.removeFirst() }
        while let last = chars.last, crud.contains(last) { chars.removeLast() }
        return String(chars)
    }
}
