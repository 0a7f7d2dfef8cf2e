import PfadDiff
import PfadObjects

/// The outcome of a blame: the final file, and for the requested lines the
/// commit and original line each came from.
public struct BlameResult: Sendable {
    /// The blamed path in the final version.
    public let path: [UInt8]
    /// The final content of the file.
    public let content: [UInt8]
    /// Byte ranges of the final lines (terminators included).
    public let lines: [Range<Int>]
    /// Entries sorted by final line, adjacent runs of one commit and path
    /// with consecutive source lines joined (git's porcelain groups).
    public let entries: [BlameEntry]
    /// Information on every commit named by an entry.
    public let commits: [ObjectID: BlameCommitInfo]

    /// Creates a result; sorts and joins `entries`. O(n log n) in the entries.
    public init(path: [UInt8], content: [UInt8], entries: [BlameEntry], commits: [ObjectID: BlameCommitInfo]) {
        self.path = path
        self.content = content
        self.lines = LineSplitter.lineRanges(content)
        self.commits = commits
        var joined: [BlameEntry] = []
        for entry in entries.sorted(by: { $0.finalStart < $1.finalStart }) where entry.count > 0 {
            if var last = joined.last, last.commit == entry.commit, last.path == entry.path,
               last.finalEnd == entry.finalStart, last.sourceStart + last.count == entry.sourceStart
            {
                last.count += entry.count
                joined[joined.count - 1] = last
            } else {
                joined.append(entry)
            }
        }
        self.entries = joined
    }

    /// The bytes of final line `index` (0-based), terminator included.
    public func line(_ index: Int) -> ArraySlice<UInt8> { content[lines[index]] }
}
