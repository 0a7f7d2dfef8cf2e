/// The order in which a history walk emits commits
/// (`Documentation/rev-list-options.txt`, "Commit Ordering").
public enum WalkOrder: Sendable, Equatable {
    /// git's default: newest commit date first among the commits waiting to
    /// be shown, ties in the order they were queued.
    case `default`
    /// `--date-order`: no parent before all its children; otherwise by
    /// commit date.
    case date
    /// `--topo-order`: no parent before all its children, and the commits of
    /// one line of history are not intermixed with another's.
    case topological
}

/// What a history walk does besides choosing commits: order, limits and
/// path limiting.
public struct WalkOptions: Sendable, Equatable {
    /// The order of the emitted commits.
    public var order: WalkOrder = .default
    /// `--first-parent`: follow only the first parent of merges.
    public var firstParentOnly = false
    /// `--reverse`: emit the chosen commits last first (applied after `maxCount`).
    public var reverse = false
    /// `-n N`: emit at most this many commits.
    public var maxCount: Int?
    /// `--skip N`: leave out the first N commits that would be emitted.
    public var skip = 0
    /// Path limiting: repository-relative paths ('/'-separated, no trailing
    /// '/'); empty means no limiting. A commit is shown when it changes
    /// something at or below one of them, with git's default history
    /// simplification.
    public var paths: [[UInt8]] = []

    /// Default options: whole history, default order.
    public init() {}
}
