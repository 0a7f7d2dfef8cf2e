import Foundation
import PfadObjects
import PfadStore

extension Repository {
    /// What `initialize` did.
    public enum InitOutcome: Sendable, Equatable {
        case created
        case reinitialized
    }

    /// Creates (or re-initialises) a repository at `directory` with the layout
    /// of `git init`: `HEAD`, `config`, `description`, `info/exclude`,
    /// `objects/{info,pack}`, `refs/{heads,tags}`.
    ///
    /// Re-initialising an existing repository keeps its objects, refs,
    /// configuration and `HEAD`, like git.
    /// - Returns: the repository and whether it was created.
    public static func initialize(
        at directory: String, bare: Bool, algorithm: HashAlgorithm = .sha1, initialBranch: String = "main"
    ) throws -> (Repository, InitOutcome) {
        let fm = FileManager.default
        let root = standardizeCreating(directory)
        let gitDir = bare ? root : root + "/.git"
        let existed = isGitDirectory(gitDir)
        if !RefName.isValid(Array("refs/heads/\(initialBranch)".utf8)) {
            throw RepositoryError.other("invalid initial branch name: '\(initialBranch)'")
        }
        do {
            for sub in ["", "/objects/info", "/objects/pack", "/refs/heads", "/refs/tags", "/info", "/hooks"] {
                try fm.createDirectory(atPath: gitDir + sub, withIntermediateDirectories: true)
            }
        } catch {
            throw RepositoryError.other("cannot mkdir \(gitDir): \(error.localizedDescription)")
        }
        if !existed {
            var config = "[core]\n"
            config += "\trepositoryformatversion = \(algorithm == .sha1 ? 0 : 1)\n"
            config += "\tfilemode = true\n"
            config += "\tbare = \(bare)\n"
            if !bare { config += "\tlogallrefupdates = true\n" }
            // Guides have German names: show them as written (git's default
            // quotes every byte above 0x7f as octal); git honours it too.
            config += "\tquotepath = false\n"
            if algorithm != .sha1 {
                config += "[extensions]\n\tobjectformat = \(algorithm.rawValue)\n"
            }
            try AtomicFile.write(Array(config.utf8), to: gitDir + "/config")
            try AtomicFile.write(Array("ref: refs/heads/\(initialBranch)\n".utf8), to: gitDir + "/HEAD")
            try AtomicFile.write(
                Array("Unnamed repository; edit this file 'description' to name the repository.\n".utf8),
                to: gitDir + "/description")
            let exclude = """
                # git ls-files --others --exclude-from=.git/info/exclude
                # Lines that start with '#' are comments.
                # For a project mostly in C, the following would be a good set of
                # exclude patterns (uncomment them if you want to use them):
                # *.[oa]
                # *~

                """
            try AtomicFile.write(Array(exclude.utf8), to: gitDir + "/info/exclude")
        }
        let repo = try Repository(gitDirectory: gitDir, workTree: bare ? nil : root)
        if existed, repo.algorithm != algorithm {
            throw RepositoryError.other("attempt to reinitialize repository with different hash")
        }
        return (repo, existed ? .reinitialized : .created)
    }

    /// Creates `path` if needed and returns its resolved absolute form.
    private static func standardizeCreating(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        try? FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        return standardize(absolute)
    }
}
