import PfadObjects

/// The files ref backend: loose ref files under the git directory, the
/// `packed-refs` file, symbolic refs and reflogs (`logs/`).
///
/// Reads take no locks (a rename replaces a file atomically, so a reader sees
/// the old or the new content); every write goes through a `.lock` file.
public struct RefStore: Sendable {
    /// The `.git` directory.
    public let gitDirectory: String
    /// The hash function of the repository.
    public let algorithm: HashAlgorithm
    /// Which updates create new reflogs (`core.logAllRefUpdates`).
    public var reflogPolicy: ReflogPolicy

    /// The parsed `packed-refs`, shared by copies of this store.
    let packedCache = PackedRefsCache()

    /// Maximum number of symbolic hops `resolve` follows.
    public static let maxSymrefDepth = 5

    /// A store for `gitDirectory`; nothing is read until asked.
    public init(gitDirectory: String, algorithm: HashAlgorithm, reflogPolicy: ReflogPolicy = .normal) {
        self.gitDirectory = gitDirectory
        self.algorithm = algorithm
        self.reflogPolicy = reflogPolicy
    }

    /// The loose file of `name` (`<git-dir>/<name>`).
    public func path(of name: [UInt8]) -> String {
        gitDirectory + "/" + String(decoding: name, as: UTF8.self)
    }

    var packedRefsPath: String { gitDirectory + "/packed-refs" }

    /// The value of `name` without following symrefs: the loose file if there
    /// is one, else the `packed-refs` entry; nil if absent (also for names that
    /// cannot be refs, such as `main` or `../config`). One or two file reads.
    public func read(_ name: [UInt8]) throws -> RefValue? {
        guard RefName.isStorable(name) else { return nil }
        if let loose = try readLoose(name) { return loose }
        return try readPacked()?.entry(named: name).map { .direct($0.id) }
    }

    /// The object `name` points at after following symrefs; nil if the ref
    /// or its final target does not exist (an unborn branch).
    public func resolve(_ name: [UInt8]) throws -> ObjectID? {
        try resolveSymbolicChain(name).id
    }

    /// Follows `name` through symbolic refs (at most `maxSymrefDepth` hops).
    ///
    /// `chain` starts with `name` and ends with the ref that holds (or would
    /// hold) the id, e.g. `[HEAD, refs/heads/main]`, also when that branch is
    /// unborn. Throws `StoreError.symrefLoop` on a loop or deeper nesting.
    public func resolveSymbolicChain(_ name: [UInt8]) throws -> (chain: [[UInt8]], id: ObjectID?) {
        var chain = [name]
        var current = name
        while true {
            switch try read(current) {
            case nil:
                return (chain, nil)
            case .direct(let id):
                return (chain, id)
            case .symbolic(let target):
                guard chain.count <= Self.maxSymrefDepth, !chain.contains(target) else {
                    throw StoreError.symrefLoop(name: name)
                }
                chain.append(target)
                current = target
            }
        }
    }

    /// The parsed `packed-refs` file, or nil if there is none; read again
    /// only when the file changed (`PackedRefsCache`: one `stat` per call).
    public func readPacked() throws -> PackedRefs? {
        try packedCache.read(path: packedRefsPath, algorithm: algorithm)
    }

    func readLoose(_ name: [UInt8]) throws -> RefValue? {
        let file = path(of: name)
        guard let bytes = try POSIX.readFile(file) else { return nil }
        return try parseLoose(bytes, name: name, path: file)
    }

    /// Parses a loose ref file: `ref: <target>` or `<hex id>` followed by
    /// optional whitespace.
    func parseLoose(_ bytes: [UInt8], name: [UInt8], path: String) throws -> RefValue {
        if bytes.starts(with: Self.symrefPrefix) {
            var target = bytes.dropFirst(Self.symrefPrefix.count).drop { $0 == 0x20 || $0 == 0x09 }
            while let last = target.last, Self.isSpace(last) { target = target.dropLast() }
            guard !target.isEmpty, !target.contains(0x0A) else {
                throw StoreError.corruptRef(name: name, path: path, detail: "bad symbolic ref")
            }
            return .symbolic(Array(target))
        }
        let hexLength = algorithm.hexLength
        guard bytes.count >= hexLength, let id = ObjectID(hexBytes: bytes.prefix(hexLength)),
            bytes.count == hexLength || Self.isSpace(bytes[hexLength])
        else {
            throw StoreError.corruptRef(name: name, path: path, detail: "not a \(algorithm.rawValue) id or symbolic ref")
        }
        return .direct(id)
    }

    static let symrefPrefix: [UInt8] = Array("ref:".utf8)
    static let head: [UInt8] = Array("HEAD".utf8)

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
