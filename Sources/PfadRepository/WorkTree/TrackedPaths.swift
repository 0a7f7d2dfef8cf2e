/// Binary-search lookups in the sorted tracked paths of an index.
struct TrackedPaths {
    let paths: [[UInt8]]

    init(_ paths: [[UInt8]]) { self.paths = paths }

    /// First position whose path is not below `key` in byte order. O(log n).
    private func lowerBound(_ key: [UInt8]) -> Int {
        var low = 0
        var high = paths.count
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
}
