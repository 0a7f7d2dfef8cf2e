/// A chunk of the merged body, named by where it comes from: a base
/// chunk (kept, edited or moved by either side), or a chunk one side
/// inserted.
enum ChunkElement: Hashable {
    /// Base chunk `index`.
    case base(Int)
    /// Chunk `index` of ours, not in the base.
    case ours(Int)
    /// Chunk `index` of theirs, not in the base.
    case theirs(Int)
}
