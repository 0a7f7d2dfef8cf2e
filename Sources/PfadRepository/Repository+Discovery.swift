import Foundation
import PfadStore

extension Repository {
    /// Finds the repository containing `directory` the way git does: honour
    /// `GIT_DIR`/`GIT_WORK_TREE`, else walk up looking for a `.git` folder or
    /// `gitdir:` file, or a bare repository.
    ///
    /// I/O: a few `stat` calls per level walked, then reads `config`.
    public static func discover(from directory: String = FileManager.default.currentDirectoryPath) throws -> Repository {
        let env = ProcessInfo.processInfo.environment
        let start = standardize(directory)
        if let gitDir = env["GIT_DIR"], !gitDir.isEmpty {
            let absolute = gitDir.hasPrefix("/") ? standardize(gitDir) : standardize(start + "/" + gitDir)
            guard isGitDirectory(absolute) else { throw RepositoryError.notARepository }
            var workTree: String? = start
            if let wt = env["GIT_WORK_TREE"], !wt.isEmpty {
                workTree = wt.hasPrefix("/") ? standardize(wt) : standardize(start + "/" + wt)
            }
            return try Repository(gitDirectory: absolute, workTree: workTree, prefix: prefix(of: start, in: workTree))
        }
        var current = start
        while true {
            let dotGit = current == "/" ? "/.git" : current + "/.git"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dotGit, isDirectory: &isDir) {
                if isDir.boolValue, isGitDirectory(dotGit) {
                    return try open(gitDirectory: dotGit, candidateWorkTree: current, start: start)
                }
                if !isDir.boolValue, let target = readGitFile(dotGit, relativeTo: current), isGitDirectory(target) {
                    return try open(gitDirectory: target, candidateWorkTree: current, start: start)
                }
            }
            if isGitDirectory(current) {
                let repo = try Repository(gitDirectory: current, workTree: nil)
                return repo
            }
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
            if current.isEmpty { current = "/" }
        }
        throw RepositoryError.notARepository
    }

    private static func open(gitDirectory: String, candidateWorkTree: String, start: String) throws -> Repository {
        let probe = try Repository(gitDirectory: gitDirectory, workTree: candidateWorkTree)
        if (try? probe.config.getBool("core.bare")) == true {
            return try Repository(gitDirectory: gitDirectory, workTree: nil)
        }
        return try Repository(gitDirectory: gitDirectory, workTree: candidateWorkTree, prefix: prefix(of: start, in: candidateWorkTree))
    }

    /// True if `path` looks like a git directory: `HEAD`, `objects/` and `refs/`.
    /// The one test used by discovery, service programs and the server.
    public static func isGitDirectory(_ path: String) -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path + "/objects", isDirectory: &isDir), isDir.boolValue else { return false }
        guard fm.fileExists(atPath: path + "/refs", isDirectory: &isDir), isDir.boolValue else { return false }
        return fm.fileExists(atPath: path + "/HEAD")
    }

    /// Reads a `.git` file of the form `gitdir: PATH`.
    private static func readGitFile(_ path: String, relativeTo base: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let target = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        return target.hasPrefix("/") ? standardize(target) : standardize(base + "/" + target)
    }

    /// The '/'-terminated path of `directory` inside `workTree`, or "".
    static func prefix(of directory: String, in workTree: String?) -> [UInt8] {
        guard let workTree, directory != workTree, directory.hasPrefix(workTree == "/" ? "/" : workTree + "/") else { return [] }
        let rest = directory.dropFirst(workTree == "/" ? 1 : workTree.count + 1)
        return Array(rest.utf8) + [0x2F]
    }

    /// An absolute path with symlinks resolved (git works on real paths).
    static func standardize(_ path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved.isEmpty ? "/" : resolved
    }
}
