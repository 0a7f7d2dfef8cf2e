import PfadObjects
import PfadStore

extension FsckOperation {
    /// Links to an object of another type than the link asks for, with
    /// git's lines: `error: object <id> is a blob, not a tree`, then
    /// `bad tree pointer <id> in commit <id>`, `bad parent <id> in commit
    /// <id>`, `bad tag pointer to <id> in <id>`, or for tree entries one
    /// `error in tree <id>: broken links` per tree. O(links).
    func linkTypeFindings(types: [ObjectID: ObjectType], links: [ObjectID: [ObjectLink]]) -> [Finding] {
        var findings: [Finding] = []
        func error(_ line: String) { findings.append(Finding(severity: .error, line: line, exitBit: 1)) }
        for source in links.keys.sorted() {
            var brokenEntries = false
            for link in links[source] ?? [] {
                guard let actual = types[link.target], actual != link.expectedType else { continue }
                let target = link.target.hex
                error("error: object \(target) is a \(actual.rawValue), not a \(link.expectedType.rawValue)")
                switch link.kind {
                case .tree: error("error: bad tree pointer \(target) in commit \(source.hex)")
                case .parent: error("error: bad parent \(target) in commit \(source.hex)")
                case .tagged: error("error: bad tag pointer to \(target) in \(source.hex)")
                case .entry: brokenEntries = true
                }
            }
            if brokenEntries { error("error in tree \(source.hex): broken links") }
        }
        return findings
    }

    /// The `.gitmodules` rules for every object some tree names
    /// `.gitmodules` (not as a symbolic link): `gitmodulesMissing` when it
    /// is absent, `gitmodulesBlob` when it is not a blob, else
    /// `GitmodulesCheck`'s findings. Reads each such blob once.
    func gitmodulesFindings(types: [ObjectID: ObjectType], links: [ObjectID: [ObjectLink]], strict: Bool) throws -> [Finding] {
        var named = Set<ObjectID>()
        for (source, outgoing) in links where types[source] == .tree {
            for link in outgoing {
                guard case let .entry(name, mode) = link.kind, !mode.isSymlink, SpecialFileName.gitmodules.matches(name) else { continue }
                named.insert(link.target)
            }
        }
        var findings: [Finding] = []
        for id in named.sorted() {
            guard let type = types[id] else {
                findings.append(line(FsckFinding(id: "gitmodulesMissing", message: "unable to read .gitmodules blob", strict: strict), type: .blob, id: id))
                continue
            }
            guard type == .blob else {
                findings.append(line(FsckFinding(id: "gitmodulesBlob", message: "non-blob found at .gitmodules", strict: strict), type: type, id: id))
                continue
            }
            guard let blob = try repository.objects.read(id) else { continue }
            for finding in GitmodulesCheck.findings(in: blob.content, strict: strict) {
                findings.append(line(finding, type: .blob, id: id))
            }
        }
        return findings
    }

    /// `treeTooDeep` for the outermost trees nested deeper than
    /// `core.maxTreeDepth` (their subtrees that are too deep as well are
    /// not listed again). Iterative, each tree expanded once.
    func treeDepthFindings(types: [ObjectID: ObjectType], links: [ObjectID: [ObjectLink]]) -> [Finding] {
        let limit = repository.maximumTreeDepth
        var depths = TreeDepths()
        func subtrees(_ id: ObjectID) -> [ObjectID]? {
            guard types[id] == .tree else { return nil }
            return (links[id] ?? []).filter { $0.isSubtree && types[$0.target] == .tree }.map(\.target)
        }
        var tooDeep = Set<ObjectID>()
        for (id, type) in types where type == .tree {
            if depths.depth(of: id, subtrees: subtrees) > limit { tooDeep.insert(id) }
        }
        var inner = Set<ObjectID>()
        for id in tooDeep {
            for child in subtrees(id) ?? [] where tooDeep.contains(child) { inner.insert(child) }
        }
        return tooDeep.subtracting(inner).sorted().map { id in
            line(FsckFinding(id: "treeTooDeep", message: Self.treeTooDeepMessage(limit: limit), strict: true), type: .tree, id: id)
        }
    }

    /// The text of `treeTooDeep`, shared with the push receiver's refusal.
    public static func treeTooDeepMessage(limit: Int) -> String {
        "tree nested more than \(limit) levels deep (core.maxTreeDepth)"
    }

    /// `<error|warning> in <type> <id>: <msg-id>: <message>`.
    func line(_ finding: FsckFinding, type: ObjectType, id: ObjectID) -> Finding {
        let isError = finding.severity == .error
        return Finding(
            severity: isError ? .error : .warning,
            line: "\(finding.severity.label) in \(type.rawValue) \(id.hex): \(finding.id): \(finding.message)",
            exitBit: isError ? 1 : 0)
    }
}
