/// Parses unified diffs: git's extended format (`diff --git`, mode,
/// new/deleted file, rename and copy headers) and plain `---`/`+++` patches.
public enum PatchParser {
    /// Parses `text`; `strip` leading path components are removed from
    /// every path (`-p1` by default). Throws `DiffError.malformedPatch`
    /// with the line number on bad input. O(n).
    public static func parse(_ text: [UInt8], strip: Int = 1) throws -> [FilePatchText] {
        let lines = LineSplitter.lines(text)
        var files: [FilePatchText] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.starts(with: Array("diff --git ".utf8)) || line.starts(with: Array("--- ".utf8)) {
                let (file, next) = try parseFile(lines, at: index, strip: strip)
                files.append(file)
                index = next
            } else {
                index += 1
            }
        }
        return files
    }

    private static func body(_ line: ArraySlice<UInt8>, after prefix: String) -> [UInt8] {
        var rest = Array(line.dropFirst(prefix.utf8.count))
        if rest.last == 0x0A { rest.removeLast() }
        if rest.last == 0x0D { rest.removeLast() }
        return rest
    }

    private static func has(_ line: ArraySlice<UInt8>, _ prefix: String) -> Bool {
        line.starts(with: Array(prefix.utf8))
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func parseFile(_ lines: [ArraySlice<UInt8>], at start: Int, strip: Int) throws
        -> (FilePatchText, Int)
    {
        var file = FilePatchText(
            oldPath: nil, newPath: nil, oldMode: nil, newMode: nil, isCreation: false, isDeletion: false,
            isBinary: false, hunks: [])
        var index = start
        var gitNames: ([UInt8], [UInt8])?
        if has(lines[index], "diff --git ") {
            gitNames = splitGitNames(body(lines[index], after: "diff --git "), strip: strip)
            index += 1
            while index < lines.count {
                let line = lines[index]
                if has(line, "old mode ") {
                    file.oldMode = UInt32(String(decoding: body(line, after: "old mode "), as: UTF8.self), radix: 8)
                } else if has(line, "new mode ") {
                    file.newMode = UInt32(String(decoding: body(line, after: "new mode "), as: UTF8.self), radix: 8)
                } else if has(line, "new file mode ") {
                    file.isCreation = true
                    file.newMode = UInt32(String(decoding: body(line, after: "new file mode "), as: UTF8.self), radix: 8)
                } else if has(line, "deleted file mode ") {
                    file.isDeletion = true
                    file.oldMode = UInt32(String(decoding: body(line, after: "deleted file mode "), as: UTF8.self), radix: 8)
                } else if has(line, "rename from ") || has(line, "copy from ") {
                    if has(line, "copy from ") { file.isCopy = true }
                    file.oldPath = body(line, after: has(line, "rename from ") ? "rename from " : "copy from ")
                } else if has(line, "rename to ") || has(line, "copy to ") {
                    file.newPath = body(line, after: has(line, "rename to ") ? "rename to " : "copy to ")
                } else if has(line, "index ") || has(line, "similarity index ") || has(line, "dissimilarity index ") {
                    // informational
                } else if has(line, "Binary files ") || has(line, "GIT binary patch") {
                    file.isBinary = true
                } else {
                    break
                }
                index += 1
            }
        }
        if index < lines.count && has(lines[index], "--- ") {
            guard index + 1 < lines.count, has(lines[index + 1], "+++ ") else {
                throw DiffError.malformedPatch(line: index + 2, reason: "'---' line without '+++' line")
            }
            let old = pathField(body(lines[index], after: "--- "))
            let new = pathField(body(lines[index + 1], after: "+++ "))
            if old == Array("/dev/null".utf8) { file.isCreation = true } else if file.oldPath == nil {
                file.oldPath = stripPath(old, strip)
            }
            if new == Array("/dev/null".utf8) { file.isDeletion = true } else if file.newPath == nil {
                file.newPath = stripPath(new, strip)
            }
            index += 2
        }
        if let (a, b) = gitNames {
            if file.oldPath == nil && !file.isCreation { file.oldPath = a }
            if file.newPath == nil && !file.isDeletion { file.newPath = b }
        }
        if file.isCreation { file.oldPath = nil }
        if file.isDeletion { file.newPath = nil }
        guard file.oldPath != nil || file.newPath != nil else {
            throw DiffError.malformedPatch(line: start + 1, reason: "no file name in patch header")
        }
        while index < lines.count && has(lines[index], "@@ ") {
            let (hunk, next) = try parseHunk(lines, at: index)
            file.hunks.append(hunk)
            index = next
        }
        return (file, index)
    }

    private static func parseHunk(_ lines: [ArraySlice<UInt8>], at start: Int) throws -> (PatchHunk, Int) {
        let header = String(decoding: lines[start], as: UTF8.self)
        let parts = header.split(separator: " ")
        guard parts.count >= 3, parts[1].hasPrefix("-"), parts[2].hasPrefix("+"),
            let (oldStart, oldCount) = range(parts[1].dropFirst()),
            let (newStart, newCount) = range(parts[2].dropFirst())
        else {
            throw DiffError.malformedPatch(line: start + 1, reason: "bad hunk header")
        }
        var hunk = PatchHunk(
            oldStart: oldStart, oldCount: oldCount, newStart: newStart, newCount: newCount, lines: [],
            patchLine: start + 1)
        var oldSeen = 0, newSeen = 0
        var index = start + 1
        while index < lines.count && (oldSeen < oldCount || newSeen < newCount) {
            let line = lines[index]
            let content = Array(line.dropFirst())
            switch line.first {
            case 0x20, 0x0A:
                hunk.lines.append(.context(line.first == 0x0A ? [0x0A] : content))
                oldSeen += 1
                newSeen += 1
            case 0x2D:
                hunk.lines.append(.removed(content))
                oldSeen += 1
            case 0x2B:
                hunk.lines.append(.added(content))
                newSeen += 1
            case 0x5C:
                break
            default:
                throw DiffError.malformedPatch(line: index + 1, reason: "unexpected line in hunk")
            }
            index += 1
            if index < lines.count && lines[index].first == 0x5C {
                // "\ No newline at end of file": the previous line has no newline.
                if var last = hunk.lines.popLast() {
                    last = dropNewline(last)
                    hunk.lines.append(last)
                }
                index += 1
            }
        }
        guard oldSeen == oldCount && newSeen == newCount else {
            throw DiffError.malformedPatch(line: index + 1, reason: "hunk shorter than its header says")
        }
        return (hunk, index)
    }

    private static func dropNewline(_ line: PatchHunk.Line) -> PatchHunk.Line {
        func drop(_ l: [UInt8]) -> [UInt8] { l.last == 0x0A ? Array(l.dropLast()) : l }
        switch line {
        case let .context(l): return .context(drop(l))
        case let .removed(l): return .removed(drop(l))
        case let .added(l): return .added(drop(l))
        }
    }

    /// `start[,count]` of a hunk header. Only plain decimal digits count
    /// (as git reads them): a sign would let `-9223372036854775808` through,
    /// whose line before the hunk is out of `Int`'s range.
    private static func range(_ text: Substring) -> (Int, Int)? {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = number(pieces[0]) else { return nil }
        if pieces.count == 1 { return (start, 1) }
        guard pieces.count == 2, let count = number(pieces[1]) else { return nil }
        return (start, count)
    }

    /// A non-negative decimal number without sign; nil if it does not fit.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    /// The path of a `---`/`+++` line: up to a tab (timestamps), unquoted.
    private static func pathField(_ field: [UInt8]) -> [UInt8] {
        var path = field
        if let tab = path.firstIndex(of: 0x09) { path = Array(path[..<tab]) }
        return unquote(path)
    }

    /// Undoes git's C-style quoting of unusual paths (`"a/\303\274.txt"`).
    static func unquote(_ path: [UInt8]) -> [UInt8] {
        guard path.count >= 2, path.first == 0x22, path.last == 0x22 else { return path }
        var out: [UInt8] = []
        var i = 1
        while i < path.count - 1 {
            let c = path[i]
            if c == 0x5C && i + 1 < path.count - 1 {
                let n = path[i + 1]
                if i + 3 < path.count, path[(i + 1)...(i + 3)].allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                    let digits = path[(i + 1)...(i + 3)]
                    out.append(UInt8(truncatingIfNeeded: digits.reduce(0) { $0 * 8 + (Int($1) - 0x30) }))
                    i += 4
                    continue
                }
                let map: [UInt8: UInt8] = [0x6E: 0x0A, 0x74: 0x09, 0x22: 0x22, 0x5C: 0x5C, 0x61: 7, 0x62: 8, 0x66: 12, 0x72: 13, 0x76: 11]
                out.append(map[n] ?? n)
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static func stripPath(_ path: [UInt8], _ count: Int) -> [UInt8] {
        var rest = path[...]
        for _ in 0..<count {
            guard let slash = rest.firstIndex(of: 0x2F) else { break }
            rest = rest[(slash + 1)...]
        }
        return Array(rest)
    }

    /// Splits `a/x b/y` of a `diff --git` line (equal names, or the first ` b/`).
    private static func splitGitNames(_ text: [UInt8], strip: Int) -> ([UInt8], [UInt8])? {
        let marker = Array(" b/".utf8)
        guard text.count > marker.count else { return nil }
        var candidates: [Int] = []
        for i in 0...(text.count - marker.count) where Array(text[i..<(i + marker.count)]) == marker {
            candidates.append(i)
        }
        for i in candidates {
            let a = stripPath(unquote(Array(text[..<i])), strip)
            let b = stripPath(unquote(Array(text[(i + 1)...])), strip)
            if a == b { return (a, b) }
        }
        guard let i = candidates.first else { return nil }
        return (stripPath(unquote(Array(text[..<i])), strip), stripPath(unquote(Array(text[(i + 1)...])), strip))
    }
}
