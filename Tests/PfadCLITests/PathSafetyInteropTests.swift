import Foundation
import Testing

/// Every command that writes the work tree, run by git and by pfad on
/// copies of a repository holding a hostile commit crafted with git
/// plumbing (`hash-object --literally -t tree`): pfad must refuse wherever
/// git refuses, and neither may write anything outside the work tree or
/// into `.git`. The one deliberate difference: names that are `.git` on
/// HFS+ (`.g\u{200C}it`) are refused by pfad on every system, git refuses
/// them only with core.protectHFS (off on Linux); and a tree with a file and
/// a folder of one name (which fsck refuses) is refused by pfad's checkout.
@Suite struct PathSafetyInteropTests {
    enum Kind: String, CaseIterable, Sendable {
        case dotDot, dotGitUpper, ntfsShortName, hfsIgnorable, symlinkAndFolder, gitmodulesSymlink

        /// Whether git 2.39 on Linux refuses to check the tree out (it
        /// writes the HFS+ name as an ordinary folder, and for a symbolic
        /// link and a folder of the same name only one of them — without
        /// escaping; pfad refuses both trees).
        var gitRefuses: Bool { self != .hfsIgnorable && self != .symlinkAndFolder }
    }

    enum EntryPoint: String, CaseIterable, Sendable {
        case checkout, switchDetach, restorePaths, resetHard, merge, cherryPick, revert, pull, clone, mergeAbort
    }

    static let marker = "PFAD-ESCAPE-MARKER"

    /// `base/src` with main (R → M), `hostile` (R → H) and `clean` (H → C,
    /// C without the hostile entry); `base/src.git` a bare copy whose HEAD
    /// is `hostile`.
    struct Scene {
        let runner: CommandRunner
        let base: URL
        let hostile: String

        init(_ kind: Kind) throws {
            runner = try CommandRunner()
            base = try TempDir.make(prefix: "pfad-pathsafety")
            let src = base.appendingPathComponent("src")
            try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
            try runner.git(["init", "-q", "-b", "main"], in: src)
            try Fixtures.write(src, "README.md", "# Leitfäden\n")
            try runner.git(["add", "-A"], in: src)
            try runner.git(["commit", "-q", "-m", "Anfang"], in: src)
            let readme = try Self.object(runner, src, ["hash-object", "-w", "--stdin"], Array("# Leitfäden\n".utf8))
            let marker = try Self.object(runner, src, ["hash-object", "-w", "--stdin"], Array("\(PathSafetyInteropTests.marker)\n".utf8))
            let hooks = try Self.tree(runner, src, [("100755", "post-checkout", marker)])
            let dotGitContent = try Self.tree(runner, src, [("40000", "hooks", hooks)])
            var entries: [(String, String, String)] = [("100644", "README.md", readme)]
            switch kind {
            case .dotDot:
                entries.insert(("40000", "..", try Self.tree(runner, src, [("100644", "escaped.txt", marker)])), at: 0)
            case .dotGitUpper:
                entries.insert(("40000", ".GIT", dotGitContent), at: 0)
            case .ntfsShortName:
                entries.append(("40000", "git~1", dotGitContent))
            case .hfsIgnorable:
                entries.insert(("40000", ".g\u{200C}it", dotGitContent), at: 0)
            case .symlinkAndFolder:
                let link = try Self.object(runner, src, ["hash-object", "-w", "--stdin"], Array("../outside".utf8))
                entries.append(("120000", "link", link))
                entries.append(("40000", "link", try Self.tree(runner, src, [("100644", "escaped.txt", marker)])))
            case .gitmodulesSymlink:
                let link = try Self.object(runner, src, ["hash-object", "-w", "--stdin"], Array("../outside/x".utf8))
                entries.insert(("120000", ".gitmodules", link), at: 0)
            }
            let root = try Self.object(runner, src, ["rev-parse", "HEAD"], [])
            let hostileTree = try Self.tree(runner, src, entries)
            hostile = try Self.object(runner, src, ["commit-tree", hostileTree, "-p", root, "-m", "Feindlich"], [])
            try runner.git(["update-ref", "refs/heads/hostile", hostile], in: src)
            let cleanTree = try Self.object(runner, src, ["rev-parse", "HEAD^{tree}"], [])
            let clean = try Self.object(runner, src, ["commit-tree", cleanTree, "-p", hostile, "-m", "Bereinigt"], [])
            try runner.git(["update-ref", "refs/heads/clean", clean], in: src)
            try Fixtures.write(src, "Neu.md", "Neuer Abschnitt\n")
            try runner.git(["add", "-A"], in: src)
            try runner.git(["commit", "-q", "-m", "Weiter"], in: src)
            try runner.git(["clone", "-q", "--bare", src.path, "src.git"], in: base)
            try runner.git(["symbolic-ref", "HEAD", "refs/heads/hostile"], in: base.appendingPathComponent("src.git"))
        }

        static func object(_ runner: CommandRunner, _ dir: URL, _ args: [String], _ stdin: [UInt8]) throws -> String {
            let result = try runner.git(args, in: dir, stdin: stdin)
            guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["git": args, "err": result.err]) }
            return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// A tree written as given (no sorting, no name checks).
        static func tree(_ runner: CommandRunner, _ dir: URL, _ entries: [(String, String, String)]) throws -> String {
            var body: [UInt8] = []
            for (mode, name, hex) in entries {
                body += Array("\(mode) \(name)".utf8) + [0] + Self.bytes(hex)
            }
            return try object(runner, dir, ["hash-object", "-w", "--literally", "-t", "tree", "--stdin"], body)
        }

        static func bytes(_ hex: String) -> [UInt8] {
            let digits = Array(hex.utf8)
            return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) }
        }

        /// Runs `entry` with git or pfad in its own copy; returns whether it
        /// refused (non-zero exit, or git's `error: invalid path` line: git's
        /// `checkout REV -- PATHS` skips such an entry and exits 0) and
        /// whether the marker landed outside the work tree.
        func run(_ entry: EntryPoint, pfad: Bool) throws -> (refused: Bool, escaped: Bool) {
            let side = base.appendingPathComponent(pfad ? "pfad" : "git")
            try? FileManager.default.removeItem(at: side)
            try FileManager.default.createDirectory(at: side.appendingPathComponent("outside"), withIntermediateDirectories: true)
            let repo = side.appendingPathComponent("repo")
            let tool: ([String], URL) throws -> ProcessResult = { args, dir in
                pfad ? try runner.pfad(args, in: dir) : try runner.git(args, in: dir)
            }
            if entry == .clone {
                let result = try tool(["clone", "-q", base.appendingPathComponent("src.git").path, "repo"], side)
                return (Self.refused(result), Self.escaped(side))
            }
            try FileManager.default.copyItem(at: base.appendingPathComponent("src"), to: repo)
            let args: [String]
            switch entry {
            case .checkout: args = ["checkout", "-q", "hostile"]
            case .switchDetach: args = ["switch", "-q", "--detach", "hostile"]
            case .restorePaths: args = ["checkout", "hostile", "--", "."]
            case .resetHard: args = ["reset", "-q", "--hard", "hostile"]
            case .merge: args = ["merge", "-q", "--no-edit", "hostile"]
            case .cherryPick: args = ["cherry-pick", "hostile"]
            case .revert:
                #expect(try tool(["checkout", "-q", "clean"], repo).status == 0)
                args = ["revert", "--no-edit", "HEAD"]
            case .pull: args = ["pull", "-q", "--no-rebase", base.appendingPathComponent("src.git").path, "hostile"]
            case .mergeAbort:
                try runner.git(["update-ref", "refs/heads/main", hostile], in: repo)
                try Data("\(hostile)\n".utf8).write(to: repo.appendingPathComponent(".git/MERGE_HEAD"))
                args = ["merge", "--abort"]
            case .clone: args = []
            }
            return (Self.refused(try tool(args, repo)), Self.escaped(side))
        }

        static func refused(_ result: ProcessResult) -> Bool {
            result.status != 0 || result.err.contains("error: invalid path")
        }

        /// True when a regular file outside `side/repo`'s work tree (in
        /// `.git`, in `outside`, next to the repository) holds the marker.
        static func escaped(_ side: URL) -> Bool {
            let fm = FileManager.default
            guard let walker = fm.enumerator(atPath: side.path) else { return false }
            while let relative = walker.nextObject() as? String {
                let inWorkTree = relative.hasPrefix("repo/") && !relative.hasPrefix("repo/.git/")
                if inWorkTree { continue }
                let path = side.appendingPathComponent(relative).path
                guard (try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
                      let data = fm.contents(atPath: path)
                else { continue }
                if String(decoding: data, as: UTF8.self).contains(PathSafetyInteropTests.marker) { return true }
            }
            return false
        }
    }

    /// The entry points each hostile kind is tried with (all of them for the
    /// path-traversal, `.git` and `.gitmodules` kinds; checkout and clone for the others).
    static let matrix: [(Kind, EntryPoint)] = Kind.allCases.flatMap { kind in
        let all: [EntryPoint] = [.dotDot, .dotGitUpper, .gitmodulesSymlink].contains(kind)
            ? EntryPoint.allCases : [.checkout, .clone, .merge]
        return all.map { (kind, $0) }
    }

    @Test(arguments: matrix)
    func pfadRefusesWhereGitDoes(_ kind: Kind, _ entry: EntryPoint) throws {
        let scene = try Scene(kind)
        let git = try scene.run(entry, pfad: false)
        let pfad = try scene.run(entry, pfad: true)
        #expect(!pfad.escaped, "pfad \(entry) wrote outside the work tree for \(kind)")
        #expect(!git.escaped, "git \(entry) wrote outside the work tree for \(kind)")
        #expect(pfad.refused, "pfad \(entry) accepted \(kind)")
        if kind.gitRefuses && entry != .mergeAbort {
            #expect(git.refused, "git \(entry) accepted \(kind): the oracle changed")
        }
    }
}
