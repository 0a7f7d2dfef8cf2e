/// A branch's upstream: `branch.<name>.remote` and `branch.<name>.merge`,
/// the pair `clone`, `push -u`, `fetch`, `pull`, `remote remove` and `status`
/// read or write. The one place that knows these keys.
public struct Upstream: Sendable, Hashable {
    /// The remote's name (or a URL, as `push -u URL` records it).
    public var remote: String
    /// The remote ref merged by `pull` (`refs/heads/main`).
    public var merge: [UInt8]

    /// An upstream at `remote`, merging `merge`.
    public init(remote: String, merge: [UInt8]) {
        self.remote = remote
        self.merge = merge
    }

    /// The upstream of `branch` (its short name): both keys set, or nil.
    public static func of(branch: String, in settings: ConfigStack) -> Upstream? {
        guard let remote = remote(ofBranch: branch, in: settings), let merge = settings.get("branch.\(branch).merge") else {
            return nil
        }
        return Upstream(remote: remote, merge: Array(merge.utf8))
    }

    /// The two config keys of `branch`'s upstream.
    public static func keys(forBranch branch: String) -> [String] {
        ["branch.\(branch).remote", "branch.\(branch).merge"]
    }

    /// `branch.<branch>.remote` (branch: the short name), or nil.
    public static func remote(ofBranch branch: String, in settings: ConfigStack) -> String? {
        settings.get("branch.\(branch).remote")
    }

    /// The `branch.<branch>.merge` values when the branch's upstream remote
    /// is `remote` (what `fetch <remote>` marks for merging in FETCH_HEAD).
    public static func mergeRefs(ofBranch branch: String, remote: String, in settings: ConfigStack) -> [[UInt8]] {
        guard Self.remote(ofBranch: branch, in: settings) == remote else { return [] }
        return settings.getAll("branch.\(branch).merge").map { Array($0.utf8) }
    }

    /// Records `upstream` for `branch` in `config` (not yet saved).
    /// - Throws: `StoreError.invalidConfigKey` for a branch name that cannot be a subsection.
    public static func record(_ upstream: Upstream, forBranch branch: String, in config: inout Config) throws {
        try config.set("branch.\(branch).remote", upstream.remote)
        try config.set("branch.\(branch).merge", String(decoding: upstream.merge, as: UTF8.self))
    }

    /// Forgets the upstream of every branch that tracks `remote` (`git
    /// remote remove`): both keys go, and a `[branch "x"]` section left
    /// empty goes too.
    public static func forgetAll(trackingRemote remote: String, in config: inout Config) throws {
        let tracking = config.entries.compactMap { entry -> String? in
            let key = entry.key.lowercased()
            guard key.hasPrefix("branch."), key.hasSuffix(".remote"), entry.value == remote else { return nil }
            return String(entry.key.dropFirst(7).dropLast(7))
        }
        for branch in tracking {
            _ = try config.unset("branch.\(branch).remote")
            _ = try config.unset("branch.\(branch).merge")
            if config.entries.allSatisfy({ !$0.key.hasPrefix("branch.\(branch).") }) {
                config.removeSection("branch", subsection: branch)
            }
        }
    }
}
