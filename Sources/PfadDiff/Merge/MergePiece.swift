/// A piece of a merge result before it is written out. Lines are ids into
/// the merge's line table.
enum MergePiece: Equatable {
    /// Lines no side changed (or lines both sides have in common inside a conflict).
    case stable([Int])
    /// A change taken from one side.
    case resolved([Int])
    /// A change both sides made identically (does not separate conflicts).
    case identical([Int])
    /// A conflict: the current side's lines, the base's, and the other side's.
    case conflict(ours: [Int], base: [Int], theirs: [Int])
}
