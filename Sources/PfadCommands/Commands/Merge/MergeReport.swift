import PfadDiff
import PfadObjects
import PfadRepository

/// Output shared by merge, cherry-pick and revert: git's diffstat after a
/// merge and its refusal messages.
enum MergeReport {
    /// The `--stat` table of `old` → `new` plus git's `--summary` lines
    /// (create/delete mode, renames, mode changes), as `git merge` prints
    /// after a fast-forward or merge commit; through `TreeDiff` with rename
    /// detection and the diff printer.
    static func diffstat(_ repository: Repository, from old: ObjectID, to new: ObjectID) throws -> [UInt8] {
        var options = DiffOptions()
        options.formats = [.stat, .summary]
        options.quotePath = CommandContext.quotePath(repository)
        let changes = try TreeDiff(repository).trees(old: old, new: new)
        let items = try DiffRevisions(repository: repository, options: options).items(changes)
        return try DiffPrinter.render(items, options: options)
    }

    /// Runs a merge (`merge` and `pull`) and prints git's report: "Already
    /// up to date.", the fast-forward or merge diffstat, or the conflict
    /// lines (exit 1). `merge.conflictstyle` from the config applies.
    static func perform(_ options: MergeOperation.Options, in repository: Repository, quiet: Bool, _ io: CommandIO) throws {
        var options = options
        if let style = repository.settings.get("merge.conflictstyle"), let parsed = ConflictStyle(rawValue: style) {
            options.style = parsed
        }
        let outcome: MergeOperation.Outcome
        do {
            outcome = try MergeOperation(repository).run(options)
        } catch let refusal as MergeWorkTree.Refusal {
            throw refuse(refusal, operation: "merge", io: io)
        } catch is MergeOperation.NotPossibleToFastForward {
            throw FatalError("Not possible to fast-forward, aborting.")
        }
        let out = io.out
        switch outcome {
        case .upToDate:
            if !quiet { out.line("Already up to date.") }
        case .fastForward(let from, let to):
            guard !quiet else { return }
            out.line("Updating \(try repository.abbreviate(from))..\(try repository.abbreviate(to))")
            out.line("Fast-forward")
            out.write(try diffstat(repository, from: try repository.readCommit(from).tree, to: try repository.readCommit(to).tree))
        case .merged(let commit, let from, let result):
            // git prints the merge messages even with -q.
            for message in result.messages { out.line(message) }
            guard !quiet else { return }
            out.line("Merge made by the 'ort' strategy.")
            out.write(try diffstat(repository, from: try repository.readCommit(from).tree, to: try repository.readCommit(commit).tree))
        case .conflicted(let result):
            for message in result.messages { out.line(message) }
            out.line("Automatic merge failed; fix conflicts and then commit the result.")
            throw CommandExit(1)
        }
    }

    /// Prints git's refusal for local changes in the way; exit code 2 as git.
    static func refuse(_ refusal: MergeWorkTree.Refusal, operation: String, io: CommandIO) -> CommandExit {
        if refusal.unmergedIndex {
            io.error("\(operation.prefix(1).uppercased() + operation.dropFirst()) is not possible because you have unmerged files.")
            io.raw("hint: Fix them up in the work tree, and then use 'git add/rm <file>'")
            io.raw("hint: as appropriate to mark resolution and make a commit.")
            io.raw("fatal: Exiting because of an unresolved conflict.")
            return CommandExit(128)
        }
        if !refusal.staged.isEmpty {
            io.error("Your local changes to the following files would be overwritten by \(operation):")
            for path in refusal.staged { io.raw("  " + String(decoding: path, as: UTF8.self)) }
            if operation == "merge" { io.raw("Merge with strategy ort failed.") }
            return CommandExit(operation == "merge" ? 2 : 128)
        }
        if !refusal.localChanges.isEmpty {
            io.error("Your local changes to the following files would be overwritten by \(operation):")
            for path in refusal.localChanges { io.raw("\t" + String(decoding: path, as: UTF8.self)) }
            io.raw("Please commit your changes or stash them before you \(operation).")
        } else {
            io.error("The following untracked working tree files would be overwritten by \(operation):")
            for path in refusal.untracked { io.raw("\t" + String(decoding: path, as: UTF8.self)) }
            io.raw("Please move or remove them before you \(operation).")
        }
        io.raw("Aborting")
        if operation == "merge" { io.raw("Merge with strategy ort failed.") }
        return CommandExit(operation == "merge" ? 2 : 128)
    }
}
