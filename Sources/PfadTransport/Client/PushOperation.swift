import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `git push` over the v0 receive-pack protocol
/// (`Documentation/gitprotocol-pack.txt`, "Pushing Data To a Server";
/// `Documentation/git-push.txt`): reads the remote's refs, decides each
/// update (fast-forward unless forced), sends the commands and a pack of
/// the objects the remote lacks, reads the status report, and updates the
/// local remote-tracking refs of what was accepted.
public struct PushOperation {
    /// The repository pushing.
    public let repository: Repository
    /// The knobs.
    public var options: Options

    /// What to push.
    public struct Options: Sendable {
        /// The refspecs (`main`, `+a:b`, `:gone`), already parsed.
        public var refspecs: [Refspec]
        /// The sources as typed, parallel to `refspecs` (shown in output).
        public var sourceTexts: [String]
        /// `--force`.
        public var force = false
        /// `--atomic`.
        public var atomic = false
        /// `--dry-run`: decide and report, send nothing.
        public var dryRun = false
        /// `--quiet`.
        public var quiet = false
        /// The remote's name for updating tracking refs (nil for URLs).
        public var remoteName: String?
        /// The remote's fetch refspecs (map pushed refs to tracking refs).
        public var fetchRefspecs: [Refspec] = []

        /// Options pushing `refspecs`.
        public init(refspecs: [Refspec], sourceTexts: [String]) {
            self.refspecs = refspecs
            self.sourceTexts = sourceTexts
        }
    }

    /// What happened.
    public struct Result: Sendable {
        /// Every update, with its verdict.
        public var updates: [PushRefUpdate] = []
        /// The remote's unpack error, if any.
        public var unpackError: String?
        /// True if something was refused or failed.
        public var failed: Bool { unpackError != nil || updates.contains { $0.isRejected } }
    }

    /// A push from `repository`.
    public init(_ repository: Repository, options: Options) {
        self.repository = repository
        self.options = options
    }

    /// Runs the push over `connection` (a `receive-pack` connection).
    /// `progress` receives side-band channel-2 bytes.
    /// - Throws: `PushError`-like `RepositoryError.other` messages for
    ///   refspecs that match nothing, transport errors.
    public func run(connection: ServiceConnection, progress: @escaping ([UInt8]) -> Void) throws -> Result {
        let advertisement = try ServerAdvertisement.read(from: connection.advertisement())
        var result = Result()
        result.updates = try plan(remoteRefs: advertisement.refs)
        if options.atomic && !advertisement.has("atomic") && !options.dryRun {
            throw TransportError.protocolViolation("the receiving end does not support --atomic push")
        }
        if options.atomic && result.updates.contains(where: { $0.isRejected }) {
            for i in result.updates.indices where result.updates[i].status == .pending { result.updates[i].status = .atomicFailed }
        }
        let commands = result.updates.indices.filter { result.updates[$0].status == .pending }
        if commands.isEmpty || options.dryRun {
            // Best effort: tells a pipe peer there is nothing to do.
            (try? connection.request(Packet.flush.encoded()))?.drainIgnoringErrors()
            return result
        }
        var capabilities = ["report-status"]
        for name in ["side-band-64k", "quiet", "atomic", "ofs-delta", "object-format", "agent"] where advertisement.has(name) {
            switch name {
            case "quiet": if options.quiet { capabilities.append(name) }
            case "atomic": if options.atomic { capabilities.append(name) }
            case "object-format": capabilities.append("object-format=\(repository.algorithm.rawValue)")
            case "agent": capabilities.append("agent=pfad/1.0")
            default: capabilities.append(name)
            }
        }
        if result.updates.contains(where: { $0.new == nil && $0.status == .pending }) && !advertisement.has("delete-refs") {
            throw TransportError.protocolViolation("the receiving end does not support deleting refs")
        }
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        for (n, index) in commands.enumerated() {
            var line = result.updates[index].commandLine(algorithm: repository.algorithm)
            if n == 0 { line += [0] + Array(capabilities.joined(separator: " ").utf8) }
            try writer.data(line + [0x0A])
        }
        try writer.flush()
        let tips = commands.compactMap { result.updates[$0].new }
        if !tips.isEmpty {
            // The upload work's generator: objects for the new tips minus
            // what the remote's tips (known here) reach, with deltas.
            let known = advertisement.refs.compactMap(\.id).filter { repository.objects.contains($0) }
            let offsets = advertisement.has("ofs-delta")
            _ = try PackGenerator(repository: repository).write(
                wants: tips, haves: known, options: .init(offsetDeltas: offsets, deltas: offsets), to: sink)
        }
        let reader = try connection.request(sink.bytes)
        let report: ReportStatus
        if advertisement.has("side-band-64k") {
            let inner = PktLineReader(SidebandReader(reader, progress: progress))
            report = try ReportStatus.read(from: inner)
            _ = try? inner.readAll(limit: 1 << 20)
        } else {
            report = try ReportStatus.read(from: reader)
        }
        result.unpackError = report.unpackError
        for index in commands {
            let name = result.updates[index].remoteName
            if let entry = report.refs.first(where: { $0.name == name }) {
                result.updates[index].status = entry.error.map { .remoteRejected($0) } ?? .ok
            } else {
                result.updates[index].status = .remoteRejected(report.unpackError.map { "unpacker error: \($0)" } ?? "no status reported")
            }
            if let error = report.unpackError, result.updates[index].status == .ok {
                result.updates[index].status = .remoteRejected("unpacker error: \(error)")
            }
        }
        try updateTrackingRefs(result.updates)
        return result
    }

    /// Decides every update from the refspecs and the remote's refs.
    func plan(remoteRefs: [AdvertisedRef]) throws -> [PushRefUpdate] {
        var updates: [PushRefUpdate] = []
        let remote = Dictionary(remoteRefs.compactMap { ref in ref.id.map { (ref.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let parser = RevisionParser(repository)
        let bases = MergeBase(cache: CommitCache(repository))
        for (index, spec) in options.refspecs.enumerated() where !spec.negative {
            let typed = index < options.sourceTexts.count ? options.sourceTexts[index] : String(decoding: spec.source, as: UTF8.self)
            if spec.source.contains(0x2A) {
                for (name, id) in try repository.refs.all() where spec.matchesSource(name) {
                    guard let destination = spec.mapToDestination(name) else { continue }
                    updates.append(PushRefUpdate(sourceText: RefDisplay.short(name), remoteName: destination,
                                                 old: remote[destination], new: id, force: spec.force || options.force))
                }
                continue
            }
            if spec.source.isEmpty {
                guard let destination = spec.destination else { continue }
                let full = Self.qualifyRemote(destination, remote: remote, sourceFull: nil)
                guard let old = remote[full] else {
                    throw RepositoryError.other("unable to delete '\(String(decoding: destination, as: UTF8.self))': remote ref does not exist")
                }
                updates.append(PushRefUpdate(sourceText: "", remoteName: full, old: old, new: nil, force: true))
                continue
            }
            guard let id = try parser.resolve(typed) else {
                throw RepositoryError.other("src refspec \(typed) does not match any")
            }
            let sourceFull = try Self.localFullName(typed, repository: repository)
            let destination = spec.destination ?? sourceFull ?? spec.source
            let full = Self.qualifyRemote(destination, remote: remote, sourceFull: sourceFull)
            updates.append(PushRefUpdate(sourceText: typed, remoteName: full, old: remote[full], new: id,
                                         force: spec.force || options.force))
        }
        for i in updates.indices {
            let update = updates[i]
            guard let new = update.new else { continue }
            guard let old = update.old else { continue }
            if old == new { updates[i].status = .upToDate; continue }
            if update.force { continue }
            if update.remoteName.starts(with: Array("refs/tags/".utf8)) {
                updates[i].status = .rejectedNonFastForward
                continue
            }
            if !repository.objects.contains(old) { updates[i].status = .rejectedFetchFirst; continue }
            let isCommit = (try? repository.objectType(old)) == .commit && (try? repository.objectType(new)) == .commit
            let ancestor = try isCommit && bases.isAncestor(old, of: new)
            if !ancestor { updates[i].status = .rejectedNonFastForward }
        }
        return updates
    }

    /// The full local ref a typed source names (`main` → `refs/heads/main`,
    /// `HEAD` → the branch it points at), nil for other revisions.
    public static func localFullName(_ typed: String, repository: Repository) throws -> [UInt8]? {
        if typed == "HEAD" || typed == "@" {
            if case .symbolic(let target)? = try repository.refs.read(Array("HEAD".utf8)) { return target }
            return nil
        }
        for candidate in RefMapping.expansions(of: typed) where candidate.hasPrefix("refs/") {
            if try repository.refs.resolve(Array(candidate.utf8)) != nil { return Array(candidate.utf8) }
        }
        return nil
    }

    /// A destination as the remote spells it: full names stay, a short name
    /// matching one remote ref takes its name, else it goes where the
    /// source's kind says (`refs/heads/` or `refs/tags/`).
    static func qualifyRemote(_ destination: [UInt8], remote: [[UInt8]: ObjectID], sourceFull: [UInt8]?) -> [UInt8] {
        if destination.starts(with: Array("refs/".utf8)) { return destination }
        let text = String(decoding: destination, as: UTF8.self)
        for candidate in RefMapping.expansions(of: text) where remote[Array(candidate.utf8)] != nil {
            return Array(candidate.utf8)
        }
        if let sourceFull, sourceFull.starts(with: Array("refs/tags/".utf8)) { return Array("refs/tags/".utf8) + destination }
        return Array("refs/heads/".utf8) + destination
    }

    private func updateTrackingRefs(_ updates: [PushRefUpdate]) throws {
        guard options.remoteName != nil else { return }
        let committer = try FetchOperation.reflogCommitter(repository)
        for update in updates where update.status == .ok {
            for spec in options.fetchRefspecs where !spec.negative {
                guard let tracking = spec.mapToDestination(update.remoteName) else { continue }
                if let new = update.new {
                    let entry = ReflogEntry(old: repository.algorithm.nullID, new: new, committer: committer, message: Array("update by push".utf8))
                    _ = try repository.refs.update(tracking, to: new, expected: .any, reflog: entry)
                } else {
                    try repository.refs.delete(tracking, expected: .any)
                }
                break
            }
        }
    }
}

extension PktLineReader {
    /// Reads to the end, ignoring errors (the peer may already be gone).
    func drainIgnoringErrors() {
        _ = try? readAll(limit: 1 << 20)
    }
}
