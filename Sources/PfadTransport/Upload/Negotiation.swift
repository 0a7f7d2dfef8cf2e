import PfadObjects
import PfadRepository
import PfadStore

/// The server's side of the want/have exchange
/// (`Documentation/gitprotocol-pack.txt`, "Packfile Negotiation";
/// `gitprotocol-v2.txt`, "fetch"): which wants are allowed, which haves
/// are common, and when the server has enough to cut the history ("ready").
struct Negotiation {
    /// The repository served.
    let repository: Repository
    /// The validated wants, in request order, without duplicates.
    private(set) var wants: [ObjectID] = []
    /// The haves the server holds, in the order they arrived.
    private(set) var common: [ObjectID] = []
    private var commonSet = Set<ObjectID>()
    private var wantSet = Set<ObjectID>()
    private var satisfied = Set<ObjectID>()
    private let tips: Set<ObjectID>
    private let allowReachable: Bool
    private let allowAny: Bool
    private var reachableFromTips: Set<ObjectID>?

    /// Commits a readiness or reachability walk visits at most.
    static let walkLimit = 100_000
    /// Commits all readiness walks of one negotiation visit together at
    /// most; past it the server stops declaring "ready" (the client then
    /// ends with `done`), so many rounds cannot make it walk without end.
    static let readinessBudget = 1_000_000
    private var readinessSpent = 0
    private var checkedCommonCount = -1
    private var lastReadiness = false

    /// A negotiation over `repository` offering `tips`. `allowReachable`:
    /// wants may also name commits reachable from a tip (git's
    /// `uploadpack.allowReachableSHA1InWant`, always on for stateless
    /// requests, whose refs may have moved since the advertisement);
    /// `allowAny`: any object the repository holds
    /// (`uploadpack.allowAnySHA1InWant`).
    init(repository: Repository, tips: Set<ObjectID>, allowReachable: Bool, allowAny: Bool) {
        self.repository = repository
        self.tips = tips
        self.allowReachable = allowReachable
        self.allowAny = allowAny
    }

    /// Records a want.
    /// - Throws: `TransportError.notOurRef` when the want is not offered.
    mutating func want(_ id: ObjectID) throws {
        guard !wantSet.contains(id) else { return }
        guard try isAllowed(id) else { throw TransportError.notOurRef(id.hex) }
        wantSet.insert(id)
        wants.append(id)
    }

    private mutating func isAllowed(_ id: ObjectID) throws -> Bool {
        if tips.contains(id) { return true }
        if allowAny { return repository.objects.contains(id) }
        guard allowReachable, repository.objects.contains(id) else { return false }
        if reachableFromTips == nil { reachableFromTips = try commits(from: Array(tips), limit: Self.walkLimit) }
        return reachableFromTips?.contains(id) ?? false
    }

    /// Records a have; true if the server holds the object (it is common).
    mutating func have(_ id: ObjectID) -> Bool {
        if commonSet.contains(id) { return true }
        guard repository.objects.contains(id) else { return false }
        commonSet.insert(id)
        common.append(id)
        return true
    }

    /// True when every want that is a commit reaches a common commit (or is
    /// one), so that the pack can be cut there: git's "ready". Non-commit
    /// wants never hold it up. Each walk visits at most `walkLimit` commits.
    mutating func isReady() throws -> Bool {
        guard !common.isEmpty else { return false }
        // Nothing new since the last check: same answer.
        if common.count == checkedCommonCount { return lastReadiness }
        checkedCommonCount = common.count
        lastReadiness = false
        for want in wants where !satisfied.contains(want) {
            guard (try? repository.objects.readHeader(want))??.type == .commit else {
                satisfied.insert(want)
                continue
            }
            var stack = [want]
            var seen = Set<ObjectID>()
            var found = false
            while let id = stack.popLast(), !found, seen.count < Self.walkLimit {
                guard readinessSpent < Self.readinessBudget else { return false }
                guard seen.insert(id).inserted else { continue }
                readinessSpent += 1
                if commonSet.contains(id) { found = true; break }
                guard let raw = try repository.objects.read(id), raw.type == .commit else { continue }
                stack.append(contentsOf: try Commit.parse(raw.content, algorithm: repository.algorithm).parents)
            }
            guard found else { return false }
            satisfied.insert(want)
        }
        lastReadiness = true
        return true
    }

    /// The commits reachable from `starts` (tags peeled), at most `limit`.
    private func commits(from starts: [ObjectID], limit: Int) throws -> Set<ObjectID> {
        var seen = Set<ObjectID>()
        var stack = starts
        while let id = stack.popLast(), seen.count < limit {
            guard !seen.contains(id), let raw = try repository.objects.read(id) else { continue }
            switch raw.type {
            case .commit:
                seen.insert(id)
                stack.append(contentsOf: try Commit.parse(raw.content, algorithm: repository.algorithm).parents)
            case .tag:
                seen.insert(id)
                stack.append(try Tag.parse(raw.content, algorithm: repository.algorithm).object)
            case .tree, .blob:
                continue
            }
        }
        return seen
    }
}
