import PfadRepository
import PfadStore
import PfadTransport

/// How a branch stands against its upstream, as `git status` reports it.
public struct BranchTracking: Sendable, Equatable {
    /// The upstream as git shows it (`origin/main`).
    public var upstream: String
    /// The upstream is configured but its tracking ref does not exist.
    public var gone: Bool
    /// Commits on the branch that the upstream lacks.
    public var ahead: Int
    /// Commits on the upstream that the branch lacks.
    public var behind: Int
}

extension Repository {
    /// The upstream of `branch` (a full name, `refs/heads/main`) from
    /// `branch.<name>.remote` and `.merge`, mapped through the remote's
    /// fetch refspecs to its tracking ref (`refs/remotes/origin/main`; a
    /// remote `.` means a local branch), with the commits each side lacks.
    /// nil when the branch has no upstream or no refspec maps it.
    ///
    /// Cost: two history walks down to the merge base.
    public func tracking(ofBranch branch: [UInt8]) throws -> BranchTracking? {
        let short = RefDisplay.short(branch)
        guard let upstream = Upstream.of(branch: short, in: settings) else { return nil }
        let remoteName = upstream.remote, merge = upstream.merge
        var trackingRef: [UInt8]?
        if remoteName == "." {
            trackingRef = merge
        } else if let remote = try Remote.named(remoteName, in: settings) {
            trackingRef = remote.fetchRefspecs.lazy.filter { !$0.negative }.compactMap { $0.mapToDestination(merge) }.first
        }
        guard let trackingRef else { return nil }
        let display = RefDisplay.short(trackingRef)
        guard let upstream = try refs.resolve(trackingRef), let upstreamCommit = try peel(upstream, to: .commit) else {
            return BranchTracking(upstream: display, gone: true, ahead: 0, behind: 0)
        }
        guard let local = try refs.resolve(branch), let localCommit = try peel(local, to: .commit) else { return nil }
        let cache = CommitCache(self)
        let ahead = try RevisionWalk(cache: cache, include: [localCommit], exclude: [upstreamCommit]).all().count
        let behind = try RevisionWalk(cache: cache, include: [upstreamCommit], exclude: [localCommit]).all().count
        return BranchTracking(upstream: display, gone: false, ahead: ahead, behind: behind)
    }
}
