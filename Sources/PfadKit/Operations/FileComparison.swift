import PfadDiff
import PfadRepository

/// How one file differs between two versions: the tree change, both
/// contents and the line hunks between them (git's unified diff with three
/// lines of context, as typed values).
public struct FileComparison: Sendable {
    /// Which path changed how (added, deleted, modified; modes and ids).
    public var change: TreeChange
    /// The old content (empty for an added file).
    public var oldContent: [UInt8]
    /// The new content (empty for a deleted file).
    public var newContent: [UInt8]
    /// Whether either side looks binary (then `hunks` is empty).
    public var isBinary: Bool
    /// The hunks, in order; line numbers are 0-based.
    public var hunks: [Hunk]
    /// Lines added.
    public var insertions: Int
    /// Lines deleted.
    public var deletions: Int

    /// The path (the new one, or the old one for a deletion), as bytes.
    public var path: [UInt8] { change.path }

    /// The old lines of `hunk`'s chunk `chunk` (deleted lines).
    public func deletedLines(_ chunk: DiffChunk) -> [ArraySlice<UInt8>] {
        Array(LineSplitter.lines(oldContent)[chunk.oldStart..<chunk.oldEnd])
    }

    /// The new lines of chunk `chunk` (added lines).
    public func addedLines(_ chunk: DiffChunk) -> [ArraySlice<UInt8>] {
        Array(LineSplitter.lines(newContent)[chunk.newStart..<chunk.newEnd])
    }
}
