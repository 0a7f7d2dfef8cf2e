/// How serious a fsck finding is (`Documentation/fsck-msgids.txt`).
public enum FsckSeverity: String, Sendable, Hashable, Comparable {
    /// Git reports these as `warning` in `git fsck` in both modes.
    case info
    /// Reported as `warning`; promoted to `.error` by `--strict`.
    case warning
    /// Makes `git fsck` fail.
    case error

    /// The word `git fsck` prints before `in <type> <id>: ...`:
    /// `error` for errors, `warning` otherwise.
    public var label: String { self == .error ? "error" : "warning" }

    /// Orders by seriousness: info < warning < error.
    public static func < (lhs: FsckSeverity, rhs: FsckSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// One problem `ObjectChecker` found in an object.
public struct FsckFinding: Hashable, Sendable, CustomStringConvertible {
    /// Git's message id in camelCase, e.g. `"badTimezone"`.
    public var id: String
    /// The severity after applying `strict`.
    public var severity: FsckSeverity
    /// Git's explanation, e.g. `"invalid author/committer line - bad time zone"`.
    public var message: String

    /// A finding.
    public init(id: String, severity: FsckSeverity, message: String) {
        self.id = id
        self.severity = severity
        self.message = message
    }

    /// `id: message`, the part `git fsck` prints after `in <type> <id>: `.
    public var description: String { "\(id): \(message)" }

    /// A finding for git's message id `id` at its documented severity
    /// (`.error` for ids not in the table), promoted from warning to error
    /// when `strict` — for checks made above this module (`.gitmodules`
    /// contents, tree depth).
    public init(id: String, message: String, strict: Bool) {
        self = Self.make(id, message, strict: strict)
    }

    /// The default severity of each message id pfad reports, from
    /// `Documentation/fsck-msgids.txt`. FATAL ids are `.error` here.
    static let defaultSeverities: [String: FsckSeverity] = [
        "badDate": .error, "badDateOverflow": .error, "badEmail": .error, "badFilemode": .info,
        "badName": .error, "badObjectSha1": .error, "badParentSha1": .error, "badTagName": .info,
        "badTimezone": .error, "badTree": .error, "badTreeSha1": .error, "badType": .error,
        "duplicateEntries": .error, "emptyName": .warning, "fullPathname": .warning,
        "gitattributesSymlink": .info, "gitignoreSymlink": .info, "gitmodulesBlob": .error,
        "gitmodulesMissing": .error, "gitmodulesName": .error, "gitmodulesParse": .info,
        "gitmodulesPath": .error, "gitmodulesSymlink": .error, "gitmodulesUpdate": .error,
        "gitmodulesUrl": .error, "mailmapSymlink": .info,
        "hasDot": .warning, "hasDotdot": .warning, "hasDotgit": .warning,
        "missingAuthor": .error, "missingCommitter": .error, "missingEmail": .error,
        "missingNameBeforeEmail": .error, "missingObject": .error, "missingSpaceBeforeDate": .error,
        "missingSpaceBeforeEmail": .error, "missingTag": .error, "missingTagEntry": .error,
        "missingTaggerEntry": .info, "missingTree": .error, "missingType": .error,
        "missingTypeEntry": .error, "multipleAuthors": .error, "nulInCommit": .warning,
        "nulInHeader": .error, "nullSha1": .warning, "treeNotSorted": .error,
        "unterminatedHeader": .error, "zeroPaddedDate": .error, "zeroPaddedFilemode": .warning,
        // pfad's own: git 2.39 has no tree depth limit (see Spec/differences-from-git.md).
        "treeTooDeep": .error,
    ]

    /// A finding for `id` at its documented severity, with warnings
    /// promoted to errors when `strict`.
    static func make(_ id: String, _ message: String, strict: Bool) -> FsckFinding {
        var severity = defaultSeverities[id] ?? .error
        if strict && severity == .warning { severity = .error }
        return FsckFinding(id: id, severity: severity, message: message)
    }
}
