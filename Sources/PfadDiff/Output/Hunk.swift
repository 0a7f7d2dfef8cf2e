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
    /// share a hunk, as in git. With `functionLines` (one flag per old
    /// line, `-W`), each hunk also spans the whole function around its
    /// changes: from the function line at or before the change to the line
    /// before the next function line. O(chunks + lines).
    public static func group(
        _ script: EditScript, context: Int, interHunkContext: Int = 0, functionLines: FunctionLines? = nil
    ) -> [Hunk] {
        // `-U` and `--inter-hunk-context` are the user's numbers: beyond the
        // file's length they change nothing, so they are cut to it (+1) and
        // the sums below cannot overflow.
        let longest = max(script.oldCount, script.newCount) + 1
        let ctx = min(max(0, context), longest)
        let joinDistance = 2 * ctx + min(max(0, interHunkContext), longest)
        let n = script.oldCount
        // Old-line window of one chunk: context, widened to its function.
        func window(_ chunk: DiffChunk) -> (Int, Int) {
            var start = max(0, chunk.oldStart - ctx)
            var end = min(n, chunk.oldEnd + ctx)
            if let functions = functionLines, functions.isFunction.count == n, n > 0 {
                let firstChanged = chunk.oldCount > 0 ? chunk.oldStart : chunk.oldStart - 1
                var f = min(firstChanged, n - 1)
                while f > 0 && !functions.isFunction[f] { f -= 1 }
                start = min(start, max(0, f))
                let lastChanged = chunk.oldCount > 0 ? chunk.oldEnd - 1 : chunk.oldStart - 1
                var g = lastChanged + 1
                while g < n && !functions.isFunction[g] { g += 1 }
                // Blank lines before the next function do not belong to this one.
                while g > lastChanged + 1 && g - 1 < n && functions.isBlank[g - 1] { g -= 1 }
                end = max(end, g)
            }
            return (start, end)
        }
        var hunks: [Hunk] = []
        var index = 0
        let chunks = script.chunks
        while index < chunks.count {
            var last = index
            var (start, end) = window(chunks[index])
            while last + 1 < chunks.count {
                let next = chunks[last + 1]
                let (nextStart, nextEnd) = window(next)
                let near = next.oldStart - chunks[last].oldEnd <= joinDistance
                guard near || (functionLines != nil && nextStart <= end) else { break }
                last += 1
                start = min(start, nextStart)
                end = max(end, nextEnd)
            }
            let first = chunks[index]
            let final = chunks[last]
            let newStart = first.newStart - (first.oldStart - start)
            let newEnd = final.newEnd + (end - final.oldEnd)
            hunks.append(
                Hunk(
                    oldStart: start, oldCount: end - start, newStart: newStart, newCount: newEnd - newStart,
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

/// Per old line: whether it starts a function (see `FunctionContext`) and
/// whether it is blank (white space only), for `-W` hunks.
public struct FunctionLines: Sendable, Hashable {
    /// One flag per line: a function line.
    public var isFunction: [Bool]
    /// One flag per line: only white space.
    public var isBlank: [Bool]

    /// Creates the flags (both arrays must have one entry per old line).
    public init(isFunction: [Bool], isBlank: [Bool]) {
        self.isFunction = isFunction
        self.isBlank = isBlank
    }
}
