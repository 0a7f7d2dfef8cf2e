import PfadObjects
import PfadRepository
import PfadStore

/// The refs a server offers for fetching, read once per request: `HEAD`
/// (possibly a symbolic ref to an unborn branch) and everything under
/// `refs/`, with annotated tags peeled. Both protocol versions build their
/// listings from it, and wants are checked against it.
struct AdvertisedRefs {
    /// One advertised ref.
    struct Ref {
        /// Full name (`refs/heads/main`).
        var name: [UInt8]
        /// What it points at.
        var id: ObjectID
        /// For a ref to an annotated tag, the object under all tags.
        var peeled: ObjectID?
        /// For a symbolic ref, the ref it points to.
        var symrefTarget: [UInt8]?
    }

    /// `HEAD`'s value, nil when unborn or absent.
    var head: ObjectID?
    /// `HEAD`'s target when it is a symbolic ref (also when unborn).
    var headTarget: [UInt8]?
    /// Every ref under `refs/`, sorted bytewise.
    var refs: [Ref]

    /// Reads `HEAD` and the refs of `repository`, leaving out those that
    /// `hidden` hides (see `isHidden`). O(refs) file reads, plus one object
    /// header per ref (to find annotated tags).
    /// - Throws: `StoreError` for unreadable ref storage, parse errors of
    ///   damaged tags.
    init(repository: Repository, hidden: [String] = []) throws {
        let chain = try repository.refs.resolveSymbolicChain(Array("HEAD".utf8))
        let headHidden = Self.isHidden(Array("HEAD".utf8), by: hidden)
        head = headHidden ? nil : chain.id
        headTarget = headHidden ? nil : chain.chain.count > 1 ? chain.chain[1] : nil
        refs = []
        for entry in try repository.refs.entries() where !Self.isHidden(entry.name, by: hidden) {
            var ref = Ref(name: entry.name, id: entry.id, peeled: entry.peeled)
            if case .symbolic(let target)? = try? repository.refs.read(entry.name) { ref.symrefTarget = target }
            if ref.peeled == nil, (try? repository.objects.readHeader(entry.id))??.type == .tag {
                ref.peeled = try Self.peel(entry.id, repository: repository)
            }
            refs.append(ref)
        }
    }

    /// git's `transfer.hideRefs` / `uploadpack.hideRefs` rule: a pattern
    /// hides the ref of that name and every ref below it (`refs/x` hides
    /// `refs/x` and `refs/x/…`); a pattern starting with `!` shows them again;
    /// the last matching pattern decides. (`^` patterns for namespaces are
    /// not supported and match nothing.)
    static func isHidden(_ name: [UInt8], by patterns: [String]) -> Bool {
        var hidden = false
        for pattern in patterns {
            var bytes = Array(pattern.utf8)
            let negated = bytes.first == UInt8(ascii: "!")
            if negated { bytes.removeFirst() }
            while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
            guard !bytes.isEmpty, bytes.first != UInt8(ascii: "^") else { continue }
            if name == bytes || (name.starts(with: bytes) && name.count > bytes.count && name[bytes.count] == UInt8(ascii: "/")) {
                hidden = !negated
            }
        }
        return hidden
    }

    /// Every id a want may name without further checks: ref values and
    /// their peeled objects, and `HEAD`.
    var tips: Set<ObjectID> {
        var tips = Set<ObjectID>()
        if let head { tips.insert(head) }
        for ref in refs {
            tips.insert(ref.id)
            if let peeled = ref.peeled { tips.insert(peeled) }
        }
        return tips
    }

    /// The object under a chain of annotated tags (at most 64 deep).
    static func peel(_ id: ObjectID, repository: Repository) throws -> ObjectID {
        var current = id
        for _ in 0..<64 {
            guard let raw = try repository.objects.read(current), raw.type == .tag else { return current }
            current = try Tag.parse(raw.content, algorithm: repository.algorithm).object
        }
        return current
    }
}
