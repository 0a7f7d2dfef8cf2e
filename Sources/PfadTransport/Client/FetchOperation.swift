import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `git fetch`: lists the remote's refs, maps them through refspecs,
/// fetches the missing objects in one pack, follows tags, updates the
/// remote-tracking refs (fast-forward only unless forced), prunes and
/// writes `FETCH_HEAD` (`Documentation/git-fetch.txt`,
/// `pull-fetch-param.txt`). Printing is the caller's job; the result says
/// what happened.
public struct FetchOperation {
    /// The repository fetching.
    public let repository: Repository
    /// The knobs.
    public var options: Options

    /// Tag following (`--tags`, `--no-tags`, default auto-follow).
    public enum TagMode: Sendable, Equatable {
        /// Fetch tags pointing into the fetched history (`include-tag`).
        case follow
        /// Fetch every tag (`refs/tags/*:refs/tags/*`).
        case all
        /// No tags beyond the refspecs.
        case none
    }

    /// What to fetch and how.
    public struct Options: Sendable {
        /// The URL (as configured or typed; shown in FETCH_HEAD).
        public var url: String
        /// The refspecs (configured ones, or those of the command line).
        public var refspecs: [Refspec]
        /// Remote refs whose FETCH_HEAD lines are for merging.
        public var mergeRefs: [[UInt8]] = []
        /// Refspecs came from the command line: their plain sources merge.
        public var commandLineRefspecs = false
        /// `--force`: allow non-fast-forward updates for every refspec.
        public var force = false
        /// `--prune`: delete tracking refs whose remote ref is gone.
        public var prune = false
        /// Tag handling.
        public var tags: TagMode = .follow
        /// `--quiet`: ask the server for no progress.
        public var quiet = false
        /// The configured remote's refspecs, used with command-line
        /// refspecs to also update the remote-tracking refs of what was
        /// fetched (git's "opportunistic" update).
        public var trackingRefspecs: [Refspec] = []
        /// Write `FETCH_HEAD`.
        public var writeFetchHead = true
        /// `--update-head-ok`: allow updating the checked-out branch.
        public var updateHeadOK = false
        /// Extra ref prefixes to list (clone asks for `HEAD`).
        public var extraPrefixes: [String] = []
        /// The reflog action (`fetch origin`, `clone: from …`).
        public var reflogAction = "fetch"
        /// A fixed reflog message (clone writes `clone: from <url>` without a reason).
        public var plainReflogMessage = false
        /// Write reflog lines for the updated refs (clone does not: git
        /// stores a clone's remote-tracking refs without logs).
        public var logUpdates = true
        /// `--atomic`: update all refs in one ref transaction (all or
        /// nothing); otherwise each ref is its own transaction, as in git.
        /// Clone sets it. Prunes are one transaction either way.
        public var atomic = false

        /// Options for fetching `refspecs` from `url`.
        public init(url: String, refspecs: [Refspec]) {
            self.url = url
            self.refspecs = refspecs
        }
    }

    /// What the fetch did.
    public struct Result: Sendable {
        /// Every ref the server listed.
        public var advertised: [AdvertisedRef] = []
        /// Ref updates in git's order (prunes first), including rejected ones.
        public var updates: [FetchRefUpdate] = []
        /// The FETCH_HEAD entries, merge entries first.
        public var fetchHead: [FetchHeadEntry] = []
        /// Objects received (0 when nothing was missing).
        public var receivedObjects = 0
        /// Whether a pack was requested at all.
        public var requestedPack = false
        /// True when some update was refused.
        public var hasRejections: Bool { updates.contains { $0.isRejected } }
    }

    /// A fetch into `repository`.
    public init(_ repository: Repository, options: Options) {
        self.repository = repository
        self.options = options
    }

    /// Runs the fetch over `session`. `progress` receives the server's
    /// side-band progress bytes.
    /// - Throws: transport, pack and ref errors; `RepositoryError.other`
    ///   when the checked-out branch would be updated.
    public func run(session: FetchSession, progress: @escaping ([UInt8]) -> Void, receiving: ReceiveProgress? = nil) throws -> Result {
        var refspecs = options.refspecs
        if options.tags == .all {
            refspecs.append(Refspec(source: Array("refs/tags/*".utf8), destination: Array("refs/tags/*".utf8), force: false))
        }
        var prefixes = options.extraPrefixes
        for spec in refspecs where !spec.negative { prefixes += Self.prefixes(for: spec.source) }
        if options.tags != .none && !prefixes.contains("refs/tags/") { prefixes.append("refs/tags/") }
        var result = Result()
        result.advertised = try session.listRefs(prefixes: prefixes)
        // git empties FETCH_HEAD before it maps the refs, so a failed fetch
        // leaves an empty one rather than the previous fetch's.
        if options.writeFetchHead { try AtomicFile.write([], to: repository.gitDirectory + "/FETCH_HEAD") }
        // A plain source the server does not have is an error, as in git
        // (only `HEAD`, the default when nothing is configured, may be absent).
        for spec in options.refspecs where !spec.negative && !spec.isPattern && spec.source != Array("HEAD".utf8) {
            guard RefMapping.resolve(spec, in: result.advertised) != nil else {
                throw TransportError.remoteRefNotFound(String(decoding: spec.source, as: UTF8.self))
            }
        }
        var mapped = RefMapping.map(result.advertised, through: refspecs)
        if !options.commandLineRefspecs && !options.mergeRefs.isEmpty {
            // git lists the branches to merge first.
            let merging = mapped.filter { options.mergeRefs.contains($0.remote.name) }
            mapped = merging + mapped.filter { !options.mergeRefs.contains($0.remote.name) }
        }
        if options.commandLineRefspecs && !options.trackingRefspecs.isEmpty {
            let tracked = RefMapping.map(mapped.map(\.remote), through: options.trackingRefspecs)
            let taken = Set(mapped.compactMap(\.local))
            mapped += tracked.filter { $0.local != nil && !taken.contains($0.local ?? []) }.map { entry in
                var entry = entry
                entry.opportunistic = true
                return entry
            }
        }
        let store = repository.objects
        var followCandidates: [AdvertisedRef] = []
        // Tags are followed only when one of the fetch's own refspecs stores
        // into a ref (git's "autotags"): a fetch into FETCH_HEAD alone — even
        // with opportunistic tracking-ref updates — brings no tags.
        let followTags = options.tags == .follow
            && options.refspecs.contains { !$0.negative && !($0.destination ?? []).isEmpty }
        if followTags {
            let taken = Set(mapped.map(\.remote.name))
            for ref in result.advertised where ref.name.starts(with: Array("refs/tags/".utf8)) && !taken.contains(ref.name) {
                guard let id = ref.id, try repository.refs.resolve(ref.name) == nil else { continue }
                if store.contains(ref.peeled ?? id) {
                    mapped.append(RefMapping(remote: ref, local: ref.name, force: false, tagFollowed: true))
                } else {
                    followCandidates.append(ref)
                }
            }
        }
        var wants: [ObjectID] = []
        var wanted = Set<ObjectID>()
        for entry in mapped {
            guard let id = entry.remote.id, !store.contains(id), wanted.insert(id).inserted else { continue }
            wants.append(id)
        }
        if !wants.isEmpty {
            result.requestedPack = true
            var tips: [ObjectID] = []
            for (_, id) in try repository.refs.all() { tips.append(id) }
            if let head = try? repository.refs.resolve(Array("HEAD".utf8)) { tips.append(head) }
            let commits = tips.compactMap { try? repository.peel($0, to: .commit) }
            let walker = HaveWalker(repository: repository, tips: commits)
            let pack = try session.fetchPack(
                wants: wants, haves: walker, includeTag: followTags, noProgress: options.quiet, progress: progress)
            var receiver = PackReceiver(repository: repository)
            receiver.progress = receiving
            result.receivedObjects = try receiver.receive(from: pack).objectCount
            for id in wants where !store.contains(id) {
                throw TransportError.protocolViolation("the server did not send \(id.hex)")
            }
        }
        for ref in followCandidates {
            guard let id = ref.id, store.contains(id), store.contains(ref.peeled ?? id) else { continue }
            mapped.append(RefMapping(remote: ref, local: ref.name, force: false, tagFollowed: true))
        }
        var updates = try planUpdates(mapped)
        if options.prune { updates = try pruneUpdates(advertised: result.advertised, refspecs: refspecs) + updates }
        try checkCurrentBranch(updates)
        try apply(updates.filter(\.changesRef))
        result.updates = updates
        result.fetchHead = fetchHeadEntries(mapped)
        if options.writeFetchHead {
            var bytes: [UInt8] = []
            for entry in result.fetchHead { bytes += entry.line(url: options.url) }
            try AtomicFile.write(bytes, to: repository.gitDirectory + "/FETCH_HEAD")
        }
        return result
    }

    /// The `ref-prefix` values for a refspec source: the part before `*`,
    /// or the name and the places git's DWIM rules look for it.
    static func prefixes(for source: [UInt8]) -> [String] {
        let text = String(decoding: source, as: UTF8.self)
        if let star = text.firstIndex(of: "*") { return [String(text[..<star])] }
        if text.hasPrefix("refs/") || text == "HEAD" { return [text] }
        return RefMapping.expansions(of: text)
    }

    private func planUpdates(_ mapped: [RefMapping]) throws -> [FetchRefUpdate] {
        var updates: [FetchRefUpdate] = []
        var seen = Set<[UInt8]>()
        let bases = MergeBase(cache: CommitCache(repository))
        for entry in mapped {
            if entry.local == nil, let new = entry.remote.id {
                // git's note line for a ref fetched into FETCH_HEAD only.
                updates.append(FetchRefUpdate(
                    remoteName: entry.remote.name, localName: Array("FETCH_HEAD".utf8), old: nil, new: new, kind: .fetchHeadOnly))
                continue
            }
            guard let local = entry.local, let new = entry.remote.id, seen.insert(local).inserted else { continue }
            let old = try repository.refs.resolve(local)
            let kind: FetchRefUpdate.Kind
            let isTag = local.starts(with: Array("refs/tags/".utf8))
            if old == nil {
                if isTag || entry.remote.name.starts(with: Array("refs/tags/".utf8)) {
                    kind = .newTag
                } else if entry.remote.name.starts(with: Array("refs/heads/".utf8)) {
                    kind = .newBranch
                } else {
                    kind = .newRef
                }
            } else if old == new {
                kind = .upToDate
            } else if isTag {
                kind = (options.force || entry.force) ? .tagUpdate : .rejectedTag
            } else if let old, try isFastForward(old, new, bases) {
                kind = .fastForward
            } else {
                kind = (options.force || entry.force) ? .forced : .rejectedNonFastForward
            }
            updates.append(FetchRefUpdate(remoteName: entry.remote.name, localName: local, old: old, new: new, kind: kind))
        }
        return updates
    }

    private func isFastForward(_ old: ObjectID, _ new: ObjectID, _ bases: MergeBase) throws -> Bool {
        guard try repository.objectType(old) == .commit, try repository.objectType(new) == .commit else { return false }
        return try bases.isAncestor(old, of: new)
    }

    private func pruneUpdates(advertised: [AdvertisedRef], refspecs: [Refspec]) throws -> [FetchRefUpdate] {
        let remoteNames = Set(advertised.map(\.name))
        var updates: [FetchRefUpdate] = []
        for (name, id) in try repository.refs.all() {
            // As git: symbolic refs (`refs/remotes/origin/HEAD`) are never stale.
            if case .symbolic? = try repository.refs.read(name) { continue }
            for spec in refspecs where !spec.negative && spec.destination != nil {
                guard let source = spec.mapToSource(name), !remoteNames.contains(source) else { continue }
                if spec.source.starts(with: Array("refs/tags/".utf8)) && options.tags != .all { continue }
                updates.append(FetchRefUpdate(remoteName: [], localName: name, old: id, new: nil, kind: .pruned))
                break
            }
        }
        return updates
    }

    private func checkCurrentBranch(_ updates: [FetchRefUpdate]) throws {
        guard !options.updateHeadOK, let workTree = repository.workTree,
              case .symbolic(let branch)? = try repository.refs.read(Array("HEAD".utf8)) else { return }
        for update in updates where update.changesRef && update.localName == branch && update.old != nil {
            throw RepositoryError.other(
                "refusing to fetch into branch '\(String(decoding: branch, as: UTF8.self))' checked out at '\(workTree)'")
        }
    }

    /// Writes the ref updates: prunes first as one transaction (so
    /// `packed-refs` is rewritten once, like git's `delete_refs`), then the
    /// updates, each in its own transaction or all in one with `atomic`.
    private func apply(_ updates: [FetchRefUpdate]) throws {
        let refs = repository.refs
        var prunes = refs.transaction()
        for update in updates where update.kind == .pruned {
            prunes.delete(update.localName, expected: update.old.map { .value($0) } ?? .any)
        }
        try prunes.commit()
        let committer = try Self.reflogCommitter(repository)
        let changes = updates.compactMap { update -> RefChange? in
            guard update.kind != .pruned, let new = update.new else { return nil }
            let message = options.plainReflogMessage ? options.reflogAction : "\(options.reflogAction): \(update.reflogReason)"
            let entry = ReflogEntry(old: repository.algorithm.nullID, new: new, committer: committer, message: Array(message.utf8))
            return RefChange(
                name: update.localName, value: .id(new), expected: update.old.map { .value($0) } ?? .absent,
                reflog: options.logUpdates ? entry : nil)
        }
        if options.atomic {
            var transaction = refs.transaction()
            for change in changes { transaction.add(change) }
            try transaction.commit()
        } else {
            for change in changes {
                guard case .id(let new) = change.value else { continue }
                try refs.update(change.name, to: new, expected: change.expected, reflog: change.reflog)
            }
        }
    }

    private func fetchHeadEntries(_ mapped: [RefMapping]) -> [FetchHeadEntry] {
        var merge: [FetchHeadEntry] = []
        var other: [FetchHeadEntry] = []
        var seen = Set<[UInt8]>()
        for entry in mapped {
            guard let id = entry.remote.id, seen.insert(entry.remote.name).inserted else { continue }
            let forMerge = !entry.tagFollowed
                && (options.commandLineRefspecs || options.mergeRefs.contains(entry.remote.name))
            if forMerge {
                merge.append(FetchHeadEntry(id: id, remoteName: entry.remote.name, forMerge: true))
            } else {
                other.append(FetchHeadEntry(id: id, remoteName: entry.remote.name, forMerge: false))
            }
        }
        return merge + other
    }

    /// The identity written into reflog lines (the committer, or the login
    /// user at localhost when none is configured — git does not stop then).
    public static func reflogCommitter(_ repository: Repository) throws -> [UInt8] {
        let environment = ProcessInfo.processInfo.environment
        if let signature = try? Identity.signature(for: .committer, settings: repository.settings, environment: environment) {
            return signature.serialized()
        }
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        let (time, offset) = try Identity.date(environment["GIT_COMMITTER_DATE"])
        return Signature(name: Array(user.utf8), email: Array("\(user)@localhost".utf8), time: time, offset: Array(offset.utf8))
            .serialized()
    }
}
