/// Limits a tree walk to pathspec elements: decides for each file whether
/// it is shown and for each folder whether it must be entered at all.
struct PathFilter {
    let pathspec: Pathspec?

    /// True if the file at `path` is selected.
    func includes(_ path: [UInt8]) -> Bool {
        pathspec?.matches(path) ?? true
    }

    /// True if some selected path can lie below folder `path` (no '/' at the end).
    func mayContain(folder path: [UInt8]) -> Bool {
        guard let pathspec else { return true }
        for pattern in pathspec.patterns {
            if pattern.isEmpty || Pathspec.hasGlob(pattern) { return true }
            // The folder lies below the pattern, or the pattern below the folder.
            if pathspec.matches(path) { return true }
            if pattern.count > path.count, pattern[path.count] == 0x2F, pattern.starts(with: path) { return true }
        }
        return false
    }
}
