import PfadRepository
import PfadTransport

/// A remote-tracking branch that a plain branch name may stand for.
public struct TrackedBranchGuess: Sendable, Equatable {
    /// The remote's name (`origin`).
    public var remote: String
    /// The remote-tracking ref (`refs/remotes/origin/olpe`).
    public var trackingRef: [UInt8]
    /// The branch on the remote (`refs/heads/olpe`), recorded as upstream.
    public var remoteBranch: [UInt8]
    /// Where the tracking ref points.
    public var commit: ObjectID
}

extension Repository {
    /// git's guess for `switch <name>` and `checkout <name>` when no local
    /// branch `<name>` exists: the remote-tracking branch
    /// `refs/remotes/<remote>/<name>` if exactly one configured remote has
    /// it (`checkout.defaultRemote` breaks a tie), else nil.
    public func guessTrackedBranch(_ name: String) throws -> TrackedBranchGuess? {
        var found: [TrackedBranchGuess] = []
        for remote in Remote.names(in: settings) {
            let ref = Array("refs/remotes/\(remote)/\(name)".utf8)
            guard RefName.isValid(ref), let id = try refs.resolve(ref), let commit = try peel(id, to: .commit) else { continue }
            found.append(
                TrackedBranchGuess(remote: remote, trackingRef: ref, remoteBranch: Array("refs/heads/\(name)".utf8), commit: commit))
        }
        if found.count > 1, let preferred = settings.get("checkout.defaultremote") {
            found = found.filter { $0.remote == preferred }
        }
        return found.count == 1 ? found.first : nil
    }
}
