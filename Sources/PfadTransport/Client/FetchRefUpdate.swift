import PfadObjects

/// What a fetch did (or refused to do) to one local ref, with the flag,
/// summary and reason git prints for it (`Documentation/git-fetch.txt`,
/// "OUTPUT").
public struct FetchRefUpdate: Sendable, Equatable {
    /// The kinds of update, in git's terms.
    public enum Kind: Sendable, Equatable {
        /// `[new branch]`, `[new tag]`, `[new ref]`.
        case newBranch, newTag, newRef
        /// `old..new`.
        case fastForward
        /// `+ old...new (forced update)`.
        case forced
        /// `t [tag update]`.
        case tagUpdate
        /// Nothing changed (shown with `--verbose` only).
        case upToDate
        /// `! [rejected] (non-fast-forward)`.
        case rejectedNonFastForward
        /// `! [rejected] (would clobber existing tag)`.
        case rejectedTag
        /// `- [deleted]` by `--prune`.
        case pruned
        /// `* branch main -> FETCH_HEAD`: fetched for FETCH_HEAD only (a
        /// command-line refspec without destination).
        case fetchHeadOnly
    }

    /// The remote ref (`refs/heads/main`); empty for pruned refs.
    public var remoteName: [UInt8]
    /// The local ref written (`refs/remotes/origin/main`).
    public var localName: [UInt8]
    /// Its value before, nil when new.
    public var old: ObjectID?
    /// Its value after (for rejected updates: what it would have become).
    public var new: ObjectID?
    /// What happened.
    public var kind: Kind

    /// An update from its parts.
    public init(remoteName: [UInt8], localName: [UInt8], old: ObjectID?, new: ObjectID?, kind: Kind) {
        self.remoteName = remoteName
        self.localName = localName
        self.old = old
        self.new = new
        self.kind = kind
    }

    /// True for the refused kinds (the command exits with status 1).
    public var isRejected: Bool { kind == .rejectedNonFastForward || kind == .rejectedTag }

    /// True when the ref is written.
    public var changesRef: Bool {
        switch kind {
        case .newBranch, .newTag, .newRef, .fastForward, .forced, .tagUpdate, .pruned: true
        case .upToDate, .rejectedNonFastForward, .rejectedTag, .fetchHeadOnly: false
        }
    }

    /// The reflog message after `<action>: ` (`fast-forward`, `storing head` …).
    public var reflogReason: String {
        switch kind {
        case .newBranch: "storing head"
        case .newTag: "storing tag"
        case .newRef: "storing ref"
        case .fastForward: "fast-forward"
        case .forced: "forced-update"
        case .tagUpdate: "updating tag"
        default: ""
        }
    }

    /// git's summary line (without the leading space): flag, quick ref
    /// padded to 17, remote name padded to `width`, `-> local`, reason.
    /// `abbreviate` shortens ids.
    public func summaryLine(width: Int, abbreviate: (ObjectID) -> String) -> String {
        let (flag, quick, reason): (String, String, String?)
        switch kind {
        case .newBranch: (flag, quick, reason) = ("*", "[new branch]", nil)
        case .newTag: (flag, quick, reason) = ("*", "[new tag]", nil)
        case .newRef: (flag, quick, reason) = ("*", "[new ref]", nil)
        case .fastForward: (flag, quick, reason) = (" ", range(abbreviate, ".."), nil)
        case .forced: (flag, quick, reason) = ("+", range(abbreviate, "..."), "forced update")
        case .tagUpdate: (flag, quick, reason) = ("t", "[tag update]", nil)
        case .upToDate: (flag, quick, reason) = ("=", "[up to date]", nil)
        case .rejectedNonFastForward: (flag, quick, reason) = ("!", "[rejected]", "non-fast-forward")
        case .rejectedTag: (flag, quick, reason) = ("!", "[rejected]", "would clobber existing tag")
        case .pruned: (flag, quick, reason) = ("-", "[deleted]", nil)
        case .fetchHeadOnly: (flag, quick, reason) = ("*", remoteName.starts(with: Array("refs/tags/".utf8)) ? "tag" : "branch", nil)
        }
        let source = kind == .pruned ? "(none)" : RefDisplay.short(remoteName)
        var line = " \(flag) \(RefDisplay.pad(quick, 17)) \(RefDisplay.pad(source, width)) -> \(RefDisplay.short(localName))"
        if let reason { line += "  (\(reason))" }
        return line
    }

    private func range(_ abbreviate: (ObjectID) -> String, _ dots: String) -> String {
        guard let old, let new else { return "" }
        return abbreviate(old) + dots + abbreviate(new)
    }
}

/// Ref names as git shows them in transfer summaries.
public enum RefDisplay {
    /// `refs/heads/x` → `x`, `refs/tags/v1` → `v1`, `refs/remotes/o/x` → `o/x`.
    public static func short(_ name: [UInt8]) -> String {
        let text = String(decoding: name, as: UTF8.self)
        for prefix in ["refs/heads/", "refs/tags/", "refs/remotes/"] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    /// `text` padded with spaces to `width` characters.
    public static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
