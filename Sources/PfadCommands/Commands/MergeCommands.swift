import ArgumentParser
import PfadDiff
import PfadObjects
import PfadRepository

extension Pfad {
    /// Merging: merge, cherry-pick, revert (history issue).
    static var mergeCommands: [ParsableCommand.Type] {
        [MergeCommand.self, CherryPickCommand.self, RevertCommand.self]
    }
}

/// Output shared by merge, cherry-pick and revert: git's diffstat after a
/// merge and its refusal messages.
enum MergeReport {
    /// The `--stat` table of `old` → `new` plus git's create/delete/mode lines
    /// (`git merge` prints it after a fast-forward or merge commit).
    static func diffstat(_ repository: Repository, from old: ObjectID, to new: ObjectID) throws -> [UInt8] {
        var before: [[UInt8]: FlatTreeEntry] = [:]
        for entry in try repository.flattenTree(old) { before[entry.path] = entry }
        var after: [[UInt8]: FlatTreeEntry] = [:]
        for entry in try repository.flattenTree(new) { after[entry.path] = entry }
        let paths = Set(before.keys).union(after.keys).sorted { $0.lexicographicallyPrecedes($1) }
        let quote = CommandContext.quotePath(repository)
        var stats: [DiffStatEntry] = []
        var summary: [UInt8] = []
        for path in paths {
            let a = before[path], b = after[path]
            if a == b { continue }
            func side(_ e: FlatTreeEntry?) throws -> FileSide? {
                guard let e else { return nil }
                let content = e.mode.isGitlink ? Array("Subproject commit \(e.id.hex)\n".utf8) : try repository.readObject(e.id).content
                return FileSide(path: path, mode: e.mode.rawValue, content: content, abbreviatedID: [])
            }
            let patch = FilePatch(old: try side(a), new: try side(b))
            var entry = DiffPrinter.statEntry(patch)
            entry.name = PathQuoting.quote(path, quotePath: quote)
            stats.append(entry)
            let shown = PathQuoting.quote(path, quotePath: quote)
            if a == nil, let b {
                summary += Array(" create mode \(b.mode.paddedOctal) ".utf8) + shown + [0x0A]
            } else if b == nil, let a {
                summary += Array(" delete mode \(a.mode.paddedOctal) ".utf8) + shown + [0x0A]
            } else if let a, let b, a.mode != b.mode {
                summary += Array(" mode change \(a.mode.paddedOctal) => \(b.mode.paddedOctal) ".utf8) + shown + [0x0A]
            }
        }
        return DiffStat.stat(stats) + summary
    }

    /// Prints git's refusal for local changes in the way; exit code 2 as git.
    static func refuse(_ refusal: MergeWorkTree.Refusal, operation: String) -> CommandExit {
        if refusal.unmergedIndex {
            Diagnostics.error("\(operation.prefix(1).uppercased() + operation.dropFirst()) is not possible because you have unmerged files.")
            Diagnostics.raw("hint: Fix them up in the work tree, and then use 'git add/rm <file>'")
            Diagnostics.raw("hint: as appropriate to mark resolution and make a commit.")
            Diagnostics.raw("fatal: Exiting because of an unresolved conflict.")
            return CommandExit(128)
        }
        if !refusal.staged.isEmpty {
            Diagnostics.error("Your local changes to the following files would be overwritten by \(operation):")
            for path in refusal.staged { Diagnostics.raw("  " + String(decoding: path, as: UTF8.self)) }
            if operation == "merge" { Diagnostics.raw("Merge with strategy ort failed.") }
            return CommandExit(operation == "merge" ? 2 : 128)
        }
        if !refusal.localChanges.isEmpty {
            Diagnostics.error("Your local changes to the following files would be overwritten by \(operation):")
            for path in refusal.localChanges { Diagnostics.raw("\t" + String(decoding: path, as: UTF8.self)) }
            Diagnostics.raw("Please commit your changes or stash them before you \(operation).")
        } else {
            Diagnostics.error("The following untracked working tree files would be overwritten by \(operation):")
            for path in refusal.untracked { Diagnostics.raw("\t" + String(decoding: path, as: UTF8.self)) }
            Diagnostics.raw("Please move or remove them before you \(operation).")
        }
        Diagnostics.raw("Aborting")
        if operation == "merge" { Diagnostics.raw("Merge with strategy ort failed.") }
        return CommandExit(operation == "merge" ? 2 : 128)
    }
}
