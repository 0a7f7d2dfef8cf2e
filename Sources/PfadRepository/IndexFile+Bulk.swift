extension IndexFile {
    /// Inserts or replaces many entries in one pass, with the same rules as
    /// `insert`: an entry replaces every stage of its path, and a file
    /// replaces a folder of the same name (and the other way round).
    ///
    /// O(n + m log m) for n existing and m new entries — `insert` one by one
    /// is O(n·m), too slow for `add` of a large tree.
    public mutating func merge(_ newEntries: [IndexEntry]) {
        guard !newEntries.isEmpty else { return }
        let incoming = newEntries.sorted(by: IndexEntry.precedes)
        let newPaths = Set(incoming.map(\.path))
        var newFolders = Set<[UInt8]>()
        for path in newPaths {
            for (i, byte) in path.enumerated() where byte == 0x2F { newFolders.insert(Array(path[..<i])) }
        }
        func conflicts(_ path: [UInt8]) -> Bool {
            if newPaths.contains(path) || newFolders.contains(path) { return true }
            for (i, byte) in path.enumerated() where byte == 0x2F && newPaths.contains(Array(path[..<i])) { return true }
            return false
        }
        let kept = entries.filter { !conflicts($0.path) }
        var merged: [IndexEntry] = []
        merged.reserveCapacity(kept.count + incoming.count)
        var i = kept.startIndex, j = incoming.startIndex
        while i < kept.endIndex && j < incoming.endIndex {
            if IndexEntry.precedes(kept[i], incoming[j]) {
                merged.append(kept[i]); i += 1
            } else {
                merged.append(incoming[j]); j += 1
            }
        }
        merged.append(contentsOf: kept[i...])
        merged.append(contentsOf: incoming[j...])
        entries = merged
    }

    /// Removes every stage of each path in `paths`. O(n).
    public mutating func remove(paths: Set<[UInt8]>) {
        guard !paths.isEmpty else { return }
        entries.removeAll { paths.contains($0.path) }
    }
}
