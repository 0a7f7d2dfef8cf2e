import Foundation
import PfadObjects
import PfadStore

/// `git fsck`: verifies every object's hash and structure, that every link
/// leads to an object of the right type (`ObjectLink`), the contents of
/// `.gitmodules` blobs (`GitmodulesCheck`), how deeply trees nest
/// (`core.maxTreeDepth`), and that every object reachable from refs, HEAD
/// and the index exists.
public struct FsckOperation {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// One line of fsck output.
    public struct Finding: Sendable, Equatable {
        public enum Severity: Sendable { case error, warning, info }
        public var severity: Severity
        /// The line as git prints it (`error in tree <id>: hasDot: ...`,
        /// `missing blob <id>`, `dangling commit <id>`).
        public var line: String
        /// git's exit-code bit for this finding (1 object, 2 reachability, 8 refs).
        public var exitBit: Int32
    }

    /// Runs the check. With `strict`, fsck warnings git promotes under
    /// `--strict` count as errors. O(objects); reads every object once.
    public func run(strict: Bool, reportDangling: Bool = true) throws -> [Finding] {
        var findings = leftoverFindings(olderThan: Date())
        var types: [ObjectID: ObjectType] = [:]
        var links: [ObjectID: [ObjectLink]] = [:]
        findings += try checkPacks()
        for id in try repository.objects.allObjectIDs() {
            let object: RawObject
            do {
                guard let read = try repository.objects.read(id) else { continue }
                object = read
            } catch {
                findings.append(Finding(severity: .error, line: "error: \(id.hex): object corrupt or missing: \(error)", exitBit: 1))
                continue
            }
            let actual = repository.algorithm.objectID(type: object.type, content: object.content)
            guard actual == id else {
                findings.append(Finding(severity: .error, line: "error: hash mismatch for \(id.hex) (content hashes to \(actual.hex))", exitBit: 1))
                continue
            }
            types[id] = object.type
            for finding in ObjectChecker.check(type: object.type, content: object.content, algorithm: repository.algorithm, strict: strict) {
                findings.append(line(finding, type: object.type, id: id))
            }
            links[id] = (try? ObjectLink.links(type: object.type, content: object.content, algorithm: repository.algorithm)) ?? []
        }
        findings += linkTypeFindings(types: types, links: links)
        findings += try gitmodulesFindings(types: types, links: links, strict: strict)
        findings += treeDepthFindings(types: types, links: links)

        // Roots: refs, HEAD, index entries, reflog entries.
        var roots: [ObjectID] = []
        for ref in try repository.refs.all(prefix: Array("refs/".utf8)) { roots.append(ref.id) }
        if let head = try? repository.refs.resolve(Array("HEAD".utf8)) { roots.append(head) }
        if let index = try? IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm) {
            for entry in index.entries where entry.mode != FileMode.gitlink.rawValue { roots.append(entry.id) }
        }
        // Every old and new value in a reflog is a root too (git's
        // documentation and behaviour); one the database lacks is git's
        // "invalid reflog entry".
        // git reports each missing value where it occurs, the refs'
        // reflogs before HEAD's.
        let null = repository.algorithm.nullID
        let logged = repository.refs.reflogNames()
        for name in logged.filter({ $0.starts(with: Array("refs/".utf8)) }) + logged.filter({ !$0.starts(with: Array("refs/".utf8)) }) {
            for entry in (try? repository.refs.readReflog(name)) ?? [] {
                for id in [entry.old, entry.new] where id != null {
                    if types[id] != nil {
                        roots.append(id)
                    } else {
                        let ref = String(decoding: name, as: UTF8.self)
                        findings.append(Finding(severity: .error, line: "error: \(ref): invalid reflog entry \(id.hex)", exitBit: 2))
                    }
                }
            }
        }
        var reachable = Set<ObjectID>()
        var stack = roots
        var reportedMissing = Set<ObjectID>()
        while let id = stack.popLast() {
            guard reachable.insert(id).inserted else { continue }
            guard types[id] != nil else {
                if reportedMissing.insert(id).inserted {
                    findings.append(Finding(severity: .error, line: "missing object \(id.hex)", exitBit: 2))
                }
                continue
            }
            stack.append(contentsOf: (links[id] ?? []).map(\.target))
        }
        if reportDangling {
            // Dangling: present, unreachable, and not referenced by another unreachable object.
            var referenced = Set<ObjectID>()
            for (id, targets) in links where !reachable.contains(id) { referenced.formUnion(targets.map(\.target)) }
            for id in types.keys.sorted() where !reachable.contains(id) && !referenced.contains(id) {
                findings.append(Finding(severity: .info, line: "dangling \(types[id]?.rawValue ?? "object") \(id.hex)", exitBit: 0))
            }
        }
        return findings
    }
}
