import PfadObjects

/// One ref a push wants to change on the remote, its local verdict and
/// the remote's answer (`Documentation/gitprotocol-pack.txt`, "Pushing
/// Data To a Server"; output as in `Documentation/git-push.txt`, "OUTPUT").
public struct PushRefUpdate: Sendable, Equatable {
    /// What became of the update.
    public enum Status: Sendable, Equatable {
        /// Not yet sent (or sent and accepted: see `remoteStatus`).
        case pending
        /// The remote already has this value.
        case upToDate
        /// Refused locally: not a fast-forward.
        case rejectedNonFastForward
        /// Refused locally: the remote has an object we do not have.
        case rejectedFetchFirst
        /// Refused locally: another update of an atomic push failed.
        case atomicFailed
        /// Accepted by the remote.
        case ok
        /// Refused by the remote (`ng <ref> <reason>`).
        case remoteRejected(String)
    }

    /// The source as typed (`main`, `HEAD`, `main~1`); empty for deletions.
    public var sourceText: String
    /// The remote ref (`refs/heads/main`).
    public var remoteName: [UInt8]
    /// The remote's current value, nil when the ref is new.
    public var old: ObjectID?
    /// The new value, nil to delete.
    public var new: ObjectID?
    /// Non-fast-forward allowed (`+` or `--force`).
    public var force: Bool
    /// The verdict.
    public var status: Status = .pending

    /// An update from its parts.
    public init(sourceText: String, remoteName: [UInt8], old: ObjectID?, new: ObjectID?, force: Bool) {
        self.sourceText = sourceText
        self.remoteName = remoteName
        self.old = old
        self.new = new
        self.force = force
    }

    /// True if the update is refused, locally or by the remote.
    public var isRejected: Bool {
        switch status {
        case .rejectedNonFastForward, .rejectedFetchFirst, .atomicFailed, .remoteRejected: true
        case .pending, .upToDate, .ok: false
        }
    }

    /// The command line sent: `<old> <new> <name>` (null ids for create/delete).
    public func commandLine(algorithm: HashAlgorithm) -> [UInt8] {
        Array("\((old ?? algorithm.nullID).hex) \((new ?? algorithm.nullID).hex) ".utf8) + remoteName
    }

    /// git's summary line: flag, quick ref padded to 17, `src -> dst`, reason.
    /// `fastForward` says whether an accepted update was one.
    public func summaryLine(fastForward: Bool, abbreviate: (ObjectID) -> String) -> String {
        let destination = RefDisplay.short(remoteName)
        let pair = "\(sourceText) -> \(destination)"
        switch status {
        case .upToDate: return " = \(RefDisplay.pad("[up to date]", 17)) \(pair)"
        case .rejectedNonFastForward: return " ! \(RefDisplay.pad("[rejected]", 17)) \(pair) (non-fast-forward)"
        case .rejectedFetchFirst: return " ! \(RefDisplay.pad("[rejected]", 17)) \(pair) (fetch first)"
        case .atomicFailed: return " ! \(RefDisplay.pad("[rejected]", 17)) \(pair) (atomic push failed)"
        case .remoteRejected(let reason):
            return " ! \(RefDisplay.pad("[remote rejected]", 17)) \(new == nil ? destination : pair) (\(reason))"
        case .pending, .ok:
            guard let new else { return " - \(RefDisplay.pad("[deleted]", 17)) \(destination)" }
            guard let old else {
                let kind = remoteName.starts(with: Array("refs/tags/".utf8)) ? "[new tag]"
                    : remoteName.starts(with: Array("refs/heads/".utf8)) ? "[new branch]" : "[new reference]"
                return " * \(RefDisplay.pad(kind, 17)) \(pair)"
            }
            if fastForward { return "   \(RefDisplay.pad(abbreviate(old) + ".." + abbreviate(new), 17)) \(pair)" }
            return " + \(RefDisplay.pad(abbreviate(old) + "..." + abbreviate(new), 17)) \(pair) (forced update)"
        }
    }
}
