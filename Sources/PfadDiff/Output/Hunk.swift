/// One hunk of a unified diff: a window of the old and new files holding one
/// or more chunks with up to `context` unchanged lines around them.
public struct Hunk: Sendable, Hashable {
    /// First old line in the hunk (0-based).
    public var oldStart: Int
    /// Number of old lines in the hunk (context and deleted).
    public var oldCount: Int
    /// First new line in the hunk (0-based).
    public var newStart: Int
    /// Number of new lines in the hunk (context and added).
    public var newCount: Int
    /// The chunks inside, in order.
    public var chunks: [DiffChunk]

    /// Groups the chunks of `script` into hunks with `context` lines around
    /// changes; chunks at most `2 * context + interHunkContext` lines apart
    /// share a hunk, as in git. O(chunks).
    public static func group(_ script: EditScript, context: Int, interHunkContext: Int = 0) -> [Hunk] {
        let ctx = max(0, context)
        let joinDistance = 2 * ctx + max(0, interHunkContext)
        var hunks: [Hunk] = []
        var index = 0
        let chunks = script.chunks
        while index < chunks.count {
            var last = index
            while last + 1 < chunks.count && chunks[last + 1].oldStart - chunks[last].oldEnd <= joinDistance {
                last += 1
            }
            let first = chunks[index]
            let final = chunks[last]
            let before = min(ctx, first.oldStart)
            let after = min(ctx, script.oldCount - final.oldEnd)
            let oldStart = first.oldStart - before
            let newStart = first.newStart - before
            hunks.append(
                Hunk(
                    oldStart: oldStart, oldCount: final.oldEnd + after - oldStart,
                    newStart: newStart, newCount: final.newEnd + after - newStart,
                    chunks: Array(chunks[index...last])))
            index = last + 1
        }
        return hunks
    }

    /// The `@@ -a,b +c,d @@` range text (without the function part), with
    /// git's conventions: 1-based starts, `,1` omitted, an empty side
    /// numbered by the line before it.
    public var rangeHeader: [UInt8] {
        func side(_ start: Int, _ count: Int) -> String {
            if count == 0 { return "\(start),0" }
            if count == 1 { return "\(start + 1)" }
            return "\(start + 1),\(count)"
        }
        return Array("@@ -\(side(oldStart, oldCount)) +\(side(newStart, newCount)) @@".utf8)
    }
}
