/// Applies the hunks of one file's patch to its content, as `git apply`
/// does without fuzz: every hunk's context and removed lines must match
/// exactly, at the stated line or shifted up or down (offset); hunks apply
/// in order. Pure: the caller reads and writes files.
public enum PatchApplier {
    /// The patched content of `content` (the file at `path`, used in
    /// errors). Throws `DiffError.patchDoesNotApply` naming the first hunk
    /// that does not match. O(lines × hunk size) in the worst case.
    public static func apply(_ patch: FilePatchText, to content: [UInt8], path: [UInt8]) throws -> [UInt8] {
        let lines = LineSplitter.lines(content)
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var cursor = 0
        for hunk in patch.hunks {
            let pre = hunk.preimage
            let expected = max(cursor, hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1)
            guard let position = find(pre, in: lines, near: expected, from: cursor) else {
                throw DiffError.patchDoesNotApply(path: path, line: hunk.oldStart, patchLine: hunk.patchLine)
            }
            for line in lines[cursor..<position] { out += line }
            for line in hunk.postimage { out += line }
            cursor = position + pre.count
        }
        for line in lines[cursor...] { out += line }
        if patch.isDeletion && !out.isEmpty {
            throw DiffError.patchTargetMismatch(path: path, reason: "removal patch leaves file contents")
        }
        return out
    }

    private static func find(
        _ pre: [[UInt8]], in lines: [ArraySlice<UInt8>], near expected: Int, from minimum: Int
    ) -> Int? {
        let last = lines.count - pre.count
        guard last >= minimum else { return nil }
        func matches(_ p: Int) -> Bool {
            for k in 0..<pre.count where !lines[p + k].elementsEqual(pre[k]) { return false }
            return true
        }
        let start = min(max(expected, minimum), last)
        var offset = 0
        while start - offset >= minimum || start + offset <= last {
            if start + offset <= last && matches(start + offset) { return start + offset }
            if offset > 0 && start - offset >= minimum && matches(start - offset) { return start - offset }
            offset += 1
        }
        return nil
    }
}
