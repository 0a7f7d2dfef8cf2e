import PfadObjects
import PfadStore

/// Resolves git revision syntax to object ids: full and abbreviated hex,
/// ref names (with git's search order), `@`, `REV~N`, `REV^N`, `REV^{type}`,
/// `REV^{}`, `REV:path` and `:path` / `:N:path` (index).
public struct RevisionParser {
    /// The repository revisions are resolved in.
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// The object `spec` names, or nil when it names nothing.
    /// - Throws: `RepositoryError.ambiguousRevision` for an ambiguous
    ///   abbreviation; store errors for corrupt objects.
    public func resolve(_ spec: String) throws -> ObjectID? {
        if spec.isEmpty { return nil }
        if spec.hasPrefix(":") { return try resolveIndexPath(String(spec.dropFirst())) }
        if let colon = spec.firstIndex(of: ":") {
            let rev = String(spec[..<colon])
            let path = String(spec[spec.index(after: colon)...])
            guard let base = try resolve(rev.isEmpty ? "HEAD" : rev),
                  let tree = try repository.peel(base, to: .tree) else { return nil }
            let normalized = normalizeTreePath(path)
            if normalized.isEmpty { return tree }
            return try repository.entry(at: normalized, inTree: tree)?.id
        }
        var (current, rest) = try resolveBase(spec)
        guard var id = current else { return nil }
        while let op = rest.first {
            rest = rest.dropFirst()
            if op == "~" {
                let (n, remaining) = takeNumber(rest, default: 1)
                rest = remaining
                // Like git, REV~N names a commit even for N = 0 (tags are peeled).
                guard let commit = try repository.peel(id, to: .commit) else { return nil }
                id = commit
                for _ in 0..<n {
                    guard let parent = try repository.readCommit(id).parents.first else { return nil }
                    id = parent
                }
            } else if op == "^" {
                if rest.first == "{" {
                    guard let close = rest.firstIndex(of: "}") else { return nil }
                    let type = String(rest[rest.index(after: rest.startIndex)..<close])
                    rest = rest[rest.index(after: close)...]
                    current = try peel(id, type: type)
                    guard let peeled = current else { return nil }
                    id = peeled
                } else {
                    let (n, remaining) = takeNumber(rest, default: 1)
                    rest = remaining
                    guard let commitID = try repository.peel(id, to: .commit) else { return nil }
                    if n == 0 {
                        id = commitID
                        continue
                    }
                    let parents = try repository.readCommit(commitID).parents
                    guard n <= parents.count else { return nil }
                    id = parents[n - 1]
                }
            } else {
                return nil
            }
        }
        return id
    }

    /// The object for `spec`, or a thrown `unknownRevision`.
    public func require(_ spec: String) throws -> ObjectID {
        guard let id = try resolve(spec) else { throw RepositoryError.unknownRevision(spec) }
        return id
    }

    /// Full ref name that `name` resolves to through git's search order
    /// (`name`, `refs/name`, `refs/tags/name`, `refs/heads/name`,
    /// `refs/remotes/name`, `refs/remotes/name/HEAD`), or nil.
    /// `@{-N}` expands to the branch checked out N switches ago.
    public func expandRefName(_ name: String) throws -> [UInt8]? {
        if name.hasPrefix("@{-"), name.hasSuffix("}"), let n = Int(name.dropFirst(3).dropLast()), n > 0 {
            guard let branch = try ReflogReader.previousBranch(n, repository: repository) else { return nil }
            let ref = Array("refs/heads/\(branch)".utf8)
            return try repository.refs.read(ref) != nil ? ref : nil
        }
        let name = name == "@" ? "HEAD" : name
        for candidate in [name, "refs/\(name)", "refs/tags/\(name)", "refs/heads/\(name)", "refs/remotes/\(name)", "refs/remotes/\(name)/HEAD"] {
            let bytes = Array(candidate.utf8)
            if candidate != name || isTopLevelRefCandidate(name) || name.hasPrefix("refs/") {
                guard RefName.isValid(bytes, allowOneLevel: true) else { continue }
                if try repository.refs.read(bytes) != nil { return bytes }
            }
        }
        return nil
    }

    // MARK: - Pieces

    private func isTopLevelRefCandidate(_ name: String) -> Bool {
        // git looks up one-level names directly only when they are all caps
        // or underscores (HEAD, FETCH_HEAD, ORIG_HEAD, MERGE_HEAD...).
        name.allSatisfy { $0.isUppercase || $0 == "_" }
    }

    private func resolveBase(_ spec: String) throws -> (ObjectID?, Substring) {
        let end = spec.firstIndex(where: { $0 == "~" || $0 == "^" }) ?? spec.endIndex
        let base = String(spec[..<end])
        let rest = spec[end...]
        if base.isEmpty { return (nil, rest) }
        // A full hexadecimal id names that object, even when a ref has the
        // same name (git's get_oid_basic: it only warns then). Checking it
        // first saves five ref look-ups per id (`cat-file --batch`).
        if base.utf8.count == repository.algorithm.hexLength, let id = ObjectID(hex: base) {
            return (id, rest)
        }
        if let reflog = try resolveReflogSelector(base) { return (reflog, rest) }
        if let refName = try expandRefName(base), let id = try repository.refs.resolve(refName) {
            return (id, rest)
        }
        if base.utf8.count >= 4, base.utf8.count < repository.algorithm.hexLength, Hex.isHex(base) {
            let matches = try repository.objects.ids(withHexPrefix: base.lowercased())
            if matches.count > 1 { throw RepositoryError.ambiguousRevision(base) }
            return (matches.first, rest)
        }
        return (nil, rest)
    }

    private func peel(_ id: ObjectID, type: String) throws -> ObjectID? {
        switch type {
        case "": return try repository.peel(id, to: nil)
        case "object": return id
        case "commit": return try repository.peel(id, to: .commit)
        case "tree": return try repository.peel(id, to: .tree)
        case "blob": return try repository.peel(id, to: .blob)
        case "tag": return try repository.objectType(id) == .tag ? id : nil
        default: return nil
        }
    }

    private func takeNumber(_ s: Substring, default value: Int) -> (Int, Substring) {
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let n = Int(digits) else { return (value, s) }
        return (n, s.dropFirst(digits.count))
    }

    private func normalizeTreePath(_ path: String) -> [UInt8] {
        var bytes = Array(path.utf8)
        if bytes.starts(with: Array("./".utf8)) {
            bytes = repository.prefix + bytes.dropFirst(2)
        }
        while bytes.last == 0x2F { bytes.removeLast() }
        return bytes
    }

    private func resolveIndexPath(_ spec: String) throws -> ObjectID? {
        var stage: UInt8 = 0
        var path = spec
        if spec.count >= 2, let first = spec.first, let digit = first.wholeNumberValue, digit <= 3,
           spec[spec.index(after: spec.startIndex)] == ":" {
            stage = UInt8(digit)
            path = String(spec.dropFirst(2))
        }
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let bytes = normalizeTreePath(path)
        return index.entries.first(where: { $0.path == bytes && $0.stage == stage })?.id
    }
}
