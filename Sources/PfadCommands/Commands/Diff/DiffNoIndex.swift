import Foundation
import PfadDiff
import PfadObjects

/// `diff --no-index`: compares two files, or two folders recursively, as
/// git does outside a repository (blob ids in sha1, as git uses there).
enum DiffNoIndex {
    /// Length of the abbreviated ids on `index` lines.
    static let abbreviation = 7

    /// A command-line path that does not exist (git: `error: Could not
    /// access`, exit 1).
    struct MissingPath: Error {
        var path: String
    }

    /// A file found on disk.
    struct DiskFile {
        var mode: UInt32
        var content: [UInt8]
    }

    /// The file pairs to compare for the command-line paths `old` and `new`,
    /// in git's order. Reads every file (I/O proportional to their size).
    static func collect(old: String, new: String, options: DiffOptions) throws -> [FilePatch] {
        let oldIsNull = old == "/dev/null"
        let newIsNull = new == "/dev/null"
        let oldIsDir = !oldIsNull && isDirectory(old)
        let newIsDir = !newIsNull && isDirectory(new)
        var oldPath = old
        var newPath = new
        if oldIsDir && !newIsDir && !newIsNull {
            oldPath = join(old, (new as NSString).lastPathComponent)
        } else if newIsDir && !oldIsDir && !oldIsNull {
            newPath = join(new, (old as NSString).lastPathComponent)
        } else if oldIsDir && newIsDir {
            var pairs: [FilePatch] = []
            try walk(old: old, new: new, relative: "", options: options, into: &pairs)
            return options.renames ? detectRenames(pairs, options: options) : pairs
        }
        let oldFile = oldIsNull ? nil : try read(oldPath)
        let newFile = newIsNull ? nil : try read(newPath)
        if oldFile == nil && newFile == nil { return [] }
        return [pair(oldPath, oldFile, newPath, newFile, options: options)]
    }

    static func pair(_ oldPath: String, _ old: DiskFile?, _ newPath: String, _ new: DiskFile?, options: DiffOptions)
        -> FilePatch
    {
        FilePatch(
            old: old.map { side(oldPath, $0, withID: options.needsObjectIDs) },
            new: new.map { side(newPath, $0, withID: options.needsObjectIDs) },
            algorithm: options.algorithm, whitespace: options.whitespace,
            indentHeuristic: options.usesIndentHeuristic)
    }

    static func side(_ path: String, _ file: DiskFile, withID: Bool) -> FileSide {
        // The ids only show on `index` lines; skip hashing when no patch is printed.
        let id = withID ? HashAlgorithm.sha1.objectID(type: .blob, content: file.content).hexBytes : []
        return FileSide(
            path: Array(path.utf8), mode: file.mode, content: file.content,
            abbreviatedID: Array(id.prefix(abbreviation)))
    }

    /// Walks two folders level by level, names in byte order at each level
    /// (so `a/b` comes before `a.txt`, as in git).
    private static func walk(
        old: String, new: String, relative: String, options: DiffOptions, into pairs: inout [FilePatch]
    ) throws {
        let oldDir = relative.isEmpty ? old : join(old, relative)
        let newDir = relative.isEmpty ? new : join(new, relative)
        let oldNames = Set(listing(oldDir))
        let newNames = Set(listing(newDir))
        let names = oldNames.union(newNames).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for name in names {
            let rel = relative.isEmpty ? name : join(relative, name)
            let oldFull = join(old, rel)
            let newFull = join(new, rel)
            let oldExists = oldNames.contains(name)
            let newExists = newNames.contains(name)
            let oldDirectory = oldExists && isDirectory(oldFull)
            let newDirectory = newExists && isDirectory(newFull)
            if oldDirectory || newDirectory {
                if oldDirectory && newDirectory {
                    try walk(old: old, new: new, relative: rel, options: options, into: &pairs)
                    continue
                }
                // A folder on one side only (maybe a file on the other).
                if oldDirectory {
                    try walkOneSide(root: old, relative: rel, isOld: true, options: options, into: &pairs)
                    if newExists { pairs.append(pair(newFull, nil, newFull, try read(newFull), options: options)) }
                } else {
                    if oldExists { pairs.append(pair(oldFull, try read(oldFull), oldFull, nil, options: options)) }
                    try walkOneSide(root: new, relative: rel, isOld: false, options: options, into: &pairs)
                }
                continue
            }
            let oldFile = oldExists ? try read(oldFull) : nil
            let newFile = newExists ? try read(newFull) : nil
            pairs.append(pair(oldFull, oldFile, newFull, newFile, options: options))
        }
    }

    private static func walkOneSide(
        root: String, relative: String, isOld: Bool, options: DiffOptions, into pairs: inout [FilePatch]
    ) throws {
        let names = listing(join(root, relative)).sorted {
            Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        for name in names {
            let rel = join(relative, name)
            let full = join(root, rel)
            if isDirectory(full) {
                try walkOneSide(root: root, relative: rel, isOld: isOld, options: options, into: &pairs)
            } else if isOld {
                pairs.append(pair(full, try read(full), full, nil, options: options))
            } else {
                pairs.append(pair(full, nil, full, try read(full), options: options))
            }
        }
    }

    /// Pairs deleted and added files into renames (as git does for folders
    /// by default); a rename takes the place of its added file.
    static func detectRenames(_ patches: [FilePatch], options: DiffOptions) -> [FilePatch] {
        let deletedIndices = patches.indices.filter { patches[$0].new == nil }
        let addedIndices = patches.indices.filter { patches[$0].old == nil }
        guard !deletedIndices.isEmpty && !addedIndices.isEmpty else { return patches }
        let deleted = deletedIndices.compactMap { i in patches[i].old.map { RenameCandidate(path: $0.path, content: $0.content) } }
        let added = addedIndices.compactMap { i in patches[i].new.map { RenameCandidate(path: $0.path, content: $0.content) } }
        let pairs = RenameDetector.detect(deleted: deleted, added: added, minimumScore: options.renameThreshold)
        guard !pairs.isEmpty else { return patches }
        var replacement: [Int: FilePatch] = [:]
        var dropped = Set<Int>()
        for pair in pairs {
            let from = deletedIndices[pair.deletedIndex]
            let to = addedIndices[pair.addedIndex]
            replacement[to] = FilePatch(
                old: patches[from].old, new: patches[to].new, algorithm: options.algorithm, similarity: pair.score,
                whitespace: options.whitespace, indentHeuristic: options.usesIndentHeuristic)
            dropped.insert(from)
        }
        return patches.indices.compactMap { i in
            if dropped.contains(i) { return nil }
            return replacement[i] ?? patches[i]
        }
    }

    static func join(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }

    static func listing(_ dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads a file (or a symlink's target text) with git's mode for it.
    static func read(_ path: String) throws -> DiskFile {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            throw MissingPath(path: path)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = readlink(path, &buffer, buffer.count)
            guard n >= 0 else { throw FatalError("readlink(\(path)) failed") }
            return DiskFile(mode: 0o120000, content: Array(buffer.prefix(n)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FatalError("could not read '\(path)'")
        }
        let executable = (st.st_mode & 0o100) != 0
        return DiskFile(mode: executable ? 0o100755 : 0o100644, content: Array(data))
    }
}
