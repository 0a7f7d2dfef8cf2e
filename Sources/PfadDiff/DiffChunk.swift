/// One change: `oldCount` elements of the old side starting at `oldStart`
/// (0-based) are replaced by `newCount` elements of the new side starting at
/// `newStart`. Either count may be zero (pure insertion or deletion).
public struct DiffChunk: Sendable, Hashable {
    /// First old element (0-based); for a pure insertion, the old position before which it goes.
    public var oldStart: Int
    /// Number of old elements removed.
    public var oldCount: Int
    /// First new element (0-based).
    public var newStart: Int
    /// Number of new elements inserted.
    public var newCount: Int

    /// One past the last old element.
    public var oldEnd: Int { oldStart + oldCount }
    /// One past the last new element.
    public var newEnd: Int { newStart + newCount }

    /// Creates a chunk.
    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
    }
}
