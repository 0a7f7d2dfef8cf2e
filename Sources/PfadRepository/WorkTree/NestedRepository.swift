#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises a nested repository the way git does before treating a folder
/// as one: its `.git` must be a git directory (with `HEAD`, `objects/` and
/// `refs/`) or a `gitdir: <path>` file pointing at one. A stray or empty
/// `.git` folder does not count; git then walks into the folder normally.
enum NestedRepository {
    /// True if `directory` (absolute path bytes) holds a valid `.git`. A few `stat` calls.
    static func isRepository(_ directory: [UInt8]) -> Bool {
        let dotGit = directory + Array("/.git".utf8)
        guard let st = lstatBytes(dotGit) else { return false }
        if st.isDirectory { return isGitDirectory(dotGit) }
        guard st.isRegularFile, let content = RawFile.contents(of: dotGit) else { return false }
        let prefix = Array("gitdir: ".utf8)
        guard content.starts(with: prefix) else { return false }
        var target = Array(content.dropFirst(prefix.count))
        while let last = target.last, last == 0x0A || last == 0x0D || last == 0x20 { target.removeLast() }
        guard !target.isEmpty else { return false }
        if target.first != 0x2F { target = directory + [0x2F] + target }
        return isGitDirectory(target)
    }

    private static func isGitDirectory(_ path: [UInt8]) -> Bool {
        guard let head = lstatBytes(path + Array("/HEAD".utf8)), head.isRegularFile || head.isSymlink else { return false }
        guard let objects = statBytes(path + Array("/objects".utf8)), objects.isDirectory else { return false }
        guard let refs = statBytes(path + Array("/refs".utf8)), refs.isDirectory else { return false }
        return true
    }

    private static func lstatBytes(_ path: [UInt8]) -> StatData? {
        var st = stat()
        guard RawFile.withCString(path, { lstat($0, &st) }) == 0 else { return nil }
        return StatData(st)
    }

    private static func statBytes(_ path: [UInt8]) -> StatData? {
        var st = stat()
        guard RawFile.withCString(path, { stat($0, &st) }) == 0 else { return nil }
        return StatData(st)
    }
}
