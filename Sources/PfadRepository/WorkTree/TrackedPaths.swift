#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary-search lookups in the sorted tracked paths of an index.
struct TrackedPaths {
    let paths: [[UInt8]]

    init(_ paths: [[UInt8]]) { self.paths = paths }

    /// First position whose path is not below `key` in byte order, searched
    /// in `range` (all paths by default). O(log n).
    private func lowerBound(_ key: [UInt8], in range: Range<Int>? = nil) -> Int {
        var low = range?.lowerBound ?? 0
        var high = range?.upperBound ?? paths.count
        while low < high {
            let mid = (low + high) / 2
            if IndexFile.comparePaths(paths[mid], key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True if `path` itself is tracked. O(log n).
    func contains(_ path: [UInt8]) -> Bool {
        let i = lowerBound(path)
        return i < paths.count && paths[i] == path
    }

    /// True if some tracked path starts with `directory + "/"`. O(log n).
    func hasPaths(below directory: [UInt8]) -> Bool {
        let prefix = directory + [0x2F]
        let i = lowerBound(prefix)
        return i < paths.count && paths[i].starts(with: prefix)
    }

    /// A cursor over the tracked paths inside `directory` ("" for the top),
    /// for a walk that visits the folder's entries in git's order. `within`
    /// narrows the search to positions known to hold them (the parent
    /// cursor's remaining range). O(log n).
    func cursor(inside directory: [UInt8], within: Range<Int>? = nil) -> TrackedCursor {
        guard !directory.isEmpty else { return TrackedCursor(paths: paths, prefixLength: 0, position: 0, end: paths.count) }
        var prefix = directory
        prefix.append(0x2F)
        let start = lowerBound(prefix, in: within)
        prefix[prefix.count - 1] = 0x30  // '/' + 1: the first key past every path below the folder
        let end = lowerBound(prefix, in: start..<(within?.upperBound ?? paths.count))
        return TrackedCursor(paths: paths, prefixLength: directory.count + 1, position: start, end: end)
    }
}

/// The tracked paths below one folder, matched against that folder's
/// entries in git's order (names, a folder's name as if followed by '/'),
/// which is the byte order of the tracked paths: one forward pass per
/// folder, no path built for a tracked file.
struct TrackedCursor {
    let paths: [[UInt8]]
    /// Bytes of the folder prefix (`dir/`) every path in range starts with.
    let prefixLength: Int
    private(set) var position: Int
    let end: Int

    /// The positions not yet passed (a hint for the cursors of subfolders).
    var remaining: Range<Int> { position..<end }

    init(paths: [[UInt8]], prefixLength: Int, position: Int, end: Int) {
        self.paths = paths
        self.prefixLength = prefixLength
        self.position = position
        self.end = end
    }

    /// Moves to the folder entry `name` (a folder if `isDirectory`); entries
    /// must be visited in git's order. For a file: whether exactly that path
    /// is tracked; for a folder: whether any tracked path lies below it.
    mutating func advance(to name: [UInt8], isDirectory: Bool) -> Bool {
        while position < end {
            let order = compare(paths[position], name, isDirectory)
            if order < 0 {
                position += 1
                continue
            }
            return order == 0
        }
        return false
    }

    /// The order of a tracked path's key inside the folder (its remainder
    /// up to and including the first '/') against the entry's key (`name`,
    /// plus '/' for a folder).
    private func compare(_ path: [UInt8], _ name: [UInt8], _ isDirectory: Bool) -> Int {
        let remaining = path.count - prefixLength
        let n = min(remaining, name.count)
        if n > 0 {
            let c = path.withUnsafeBytes { p in
                name.withUnsafeBytes { q -> Int32 in
                    guard let x = p.baseAddress, let y = q.baseAddress else { return 0 }
                    return memcmp(x + prefixLength, y, n)
                }
            }
            if c != 0 { return Int(c) }
        }
        // Equal over the shorter length: compare the next key byte, where a
        // folder entry continues with '/' and a file entry ends.
        let next: Int = remaining > n ? Int(path[prefixLength + n]) : -1
        if name.count > n { return next < 0 ? -1 : next - Int(name[n]) }
        let entryNext = isDirectory ? 0x2F : -1
        if next == 0x2F && entryNext == 0x2F { return 0 }  // a path below the folder
        return next - entryNext
    }
}
