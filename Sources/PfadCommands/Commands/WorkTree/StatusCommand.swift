import ArgumentParser
import PfadKit
import PfadRepository

/// `pfad status`: what is staged, what is changed, what is untracked.
struct StatusCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show staged, unstaged and untracked changes.")

    @Flag(help: "Stable, machine-readable output (git's porcelain v1).")
    var porcelain = false

    @Flag(name: .shortAndLong, help: "Short output, paths relative to the current folder.")
    var short = false

    @Flag(name: [.customShort("b"), .customLong("branch")], help: "In short formats, a first line with the branch and its upstream.")
    var branch = false

    @Option(name: .customLong("untracked-files"), help: "Untracked files: no, normal (folders as one entry) or all (-u: all, -uno: no).")
    var untrackedFiles: String = "normal"

    func run(_ io: CommandIO) throws {
        try Self.execute(porcelain: porcelain, short: short, untrackedFiles: untrackedFiles, branchLine: branch, io: io)
    }

    /// The command with its options already parsed: by ArgumentParser
    /// (`run()`) or by `PfadMain`'s fast path, which skips ArgumentParser's
    /// set-up for the plain forms of `status`.
    static func execute(
        porcelain: Bool, short: Bool, untrackedFiles: String, branchLine: Bool = false, io: CommandIO
    ) throws {
        let repository = try CommandContext.repository(io)
        let mode: WorkTreeWalker.UntrackedMode
        switch untrackedFiles {
        case "no", "normal": mode = .normal
        case "all": mode = .all
        default: throw FatalError("Invalid untracked files mode '\(untrackedFiles)'")
        }
        let (report, index) = try StatusOperation(repository)
            .runKeepingIndex(includeUntracked: untrackedFiles != "no", untrackedMode: mode)
        // The process ends right after the output; like git with its index, it
        // does not free the 10,000s of entries one by one first (about 3% of
        // a large clean status). Deliberately never released.
        if io === CommandIO.process { _ = Unmanaged.passRetained(IndexKeeper(index)) }
        let printer = StatusPrinter(repository: repository, io: io)
        if porcelain || short {
            if branchLine { try printer.printBranchLine(report) }
            printer.printShort(report, prefix: porcelain ? [] : repository.prefix)
        } else {
            try printer.printLong(report)
        }
    }
}

/// Holds an index that is deliberately kept until the process exits.
private final class IndexKeeper {
    let index: IndexFile
    init(_ index: IndexFile) { self.index = index }
}

/// The three status layouts.
struct StatusPrinter {
    let repository: Repository
    /// Where the lines go.
    let io: CommandIO

    /// `## branch...upstream [ahead A, behind B]` (`status -sb`).
    func printBranchLine(_ report: StatusReport) throws {
        guard let branch = report.branch else {
            io.out.line("## HEAD (no branch)")
            return
        }
        let name = String(decoding: branch, as: UTF8.self)
        if report.isUnborn {
            io.out.line("## No commits yet on \(name)")
            return
        }
        var line = "## \(name)"
        if let tracking = try repository.tracking(ofBranch: Array("refs/heads/".utf8) + branch) {
            line += "...\(tracking.upstream)"
            if tracking.gone {
                line += " [gone]"
            } else if tracking.ahead > 0 || tracking.behind > 0 {
                let parts = (tracking.ahead > 0 ? ["ahead \(tracking.ahead)"] : []) + (tracking.behind > 0 ? ["behind \(tracking.behind)"] : [])
                line += " [" + parts.joined(separator: ", ") + "]"
            }
        }
        io.out.line(line)
    }

    /// git's lines on how the branch stands against its upstream, each
    /// block followed by an empty line; nothing without an upstream.
    func printTracking(_ branch: [UInt8]) throws {
        guard let tracking = try repository.tracking(ofBranch: Array("refs/heads/".utf8) + branch) else { return }
        let upstream = tracking.upstream
        func commits(_ n: Int) -> String { n == 1 ? "1 commit" : "\(n) commits" }
        if tracking.gone {
            io.out.line("Your branch is based on '\(upstream)', but the upstream is gone.")
            io.out.line("  (use \"pfad branch --unset-upstream\" to fixup)")
        } else if tracking.ahead > 0 && tracking.behind > 0 {
            io.out.line("Your branch and '\(upstream)' have diverged,")
            io.out.line("and have \(tracking.ahead) and \(tracking.behind) different commits each, respectively.")
            io.out.line("  (use \"pfad pull\" to merge the remote branch into yours)")
        } else if tracking.ahead > 0 {
            io.out.line("Your branch is ahead of '\(upstream)' by \(commits(tracking.ahead)).")
            io.out.line("  (use \"pfad push\" to publish your local commits)")
        } else if tracking.behind > 0 {
            io.out.line("Your branch is behind '\(upstream)' by \(commits(tracking.behind)), and can be fast-forwarded.")
            io.out.line("  (use \"pfad pull\" to update your local branch)")
        } else {
            io.out.line("Your branch is up to date with '\(upstream)'.")
        }
        io.out.line("")
    }

    /// `XY path` lines, then `?? path` lines.
    func printShort(_ report: StatusReport, prefix: [UInt8]) {
        let quotePath = CommandContext.quotePath(repository)
        // git's short format also quotes a path that only contains a space
        // (`?? "a b.md"`); the long format does not.
        func quote(_ path: [UInt8], quotePath: Bool) -> [UInt8] {
            let quoted = PathQuoting.quote(path, quotePath: quotePath)
            guard quoted.first != 0x22, path.contains(0x20) else { return quoted }
            return [0x22] + quoted + [0x22]
        }
        for change in report.changes {
            io.out.write([change.index, change.workTree, 0x20])
            if let original = change.originalPath {
                io.out.write(quote(PathQuoting.relative(original, to: prefix), quotePath: quotePath))
                io.out.write(" -> ")
            }
            io.out.write(quote(PathQuoting.relative(change.path, to: prefix), quotePath: quotePath))
            io.out.write([0x0A])
        }
        for path in report.untracked {
            io.out.write("?? ")
            io.out.write(quote(PathQuoting.relative(path, to: prefix), quotePath: quotePath))
            io.out.write([0x0A])
        }
    }

    /// git's long format, with hints naming pfad's commands.
    func printLong(_ report: StatusReport, nothingToCommitOnly: Bool = false) throws {
        let out = io.out
        let quotePath = CommandContext.quotePath(repository)
        if let branch = report.branch {
            out.write("On branch ")
            out.write(branch)
            out.write([0x0A])
            if !report.isUnborn { try printTracking(branch) }
        } else {
            out.line("HEAD detached")
        }
        if report.isUnborn { out.line("\nNo commits yet\n") }
        func path(_ p: [UInt8]) -> [UInt8] {
            PathQuoting.quote(PathQuoting.relative(p, to: repository.prefix), quotePath: quotePath)
        }
        func label(_ letter: UInt8) -> String {
            switch letter {
            case 0x41: return "new file:   "
            case 0x44: return "deleted:    "
            case 0x54: return "typechange: "
            case 0x52: return "renamed:    "
            default: return "modified:   "
            }
        }
        func isUnmerged(_ c: StatusReport.Change) -> Bool {
            c.index == 0x55 || c.workTree == 0x55 || (c.index == 0x41 && c.workTree == 0x41) || (c.index == 0x44 && c.workTree == 0x44)
        }
        let unmerged = report.changes.filter(isUnmerged)
        let staged = report.changes.filter { !isUnmerged($0) && $0.index != 0x20 }
        let unstaged = report.changes.filter { !isUnmerged($0) && $0.workTree != 0x20 }
        func section(_ title: String, _ hints: [String], _ rows: [(String, [UInt8], [UInt8]?)]) {
            out.line(title)
            for hint in hints { out.line("  (\(hint))") }
            for (label, p, original) in rows {
                out.write("\t\(label)")
                if let original {
                    out.write(path(original))
                    out.write(" -> ")
                }
                out.write(path(p))
                out.write([0x0A])
            }
            out.write([0x0A])
        }
        if !nothingToCommitOnly {
            printOperationInProgress(hasUnmerged: !unmerged.isEmpty)
            if !unmerged.isEmpty {
                section("Unmerged paths:", ["use \"pfad add/rm <file>...\" as appropriate to mark resolution"],
                        unmerged.map { (Self.unmergedLabel($0.index, $0.workTree), $0.path, nil) })
            }
            if !staged.isEmpty {
                section("Changes to be committed:",
                        report.isUnborn
                            ? ["use \"pfad rm --cached <file>...\" to unstage"]
                            : ["use \"pfad restore --staged <file>...\" to unstage"],
                        staged.map { (label($0.index), $0.path, $0.originalPath) })
            }
            if !unstaged.isEmpty {
                let hasDeletion = unstaged.contains { $0.workTree == 0x44 }
                section("Changes not staged for commit:",
                        ["use \"pfad \(hasDeletion ? "add/rm" : "add") <file>...\" to update what will be committed",
                         "use \"pfad restore <file>...\" to discard changes in working directory"],
                        unstaged.map { (label($0.workTree), $0.path, nil) })
            }
            if !report.untracked.isEmpty {
                section("Untracked files:", ["use \"pfad add <file>...\" to include in what will be committed"],
                        report.untracked.map { ("", $0, nil) })
            }
        }
        if staged.isEmpty {
            if !unstaged.isEmpty || !unmerged.isEmpty {
                out.line("no changes added to commit (use \"pfad add\" and/or \"pfad commit -a\")")
            } else if !report.untracked.isEmpty {
                out.line("nothing added to commit but untracked files present (use \"pfad add\" to track)")
            } else if report.isUnborn {
                out.line("nothing to commit (create/copy files and use \"pfad add\" to track)")
            } else {
                out.line("nothing to commit, working tree clean")
            }
        }
    }

    /// git's label for an unmerged path from its two status letters.
    static func unmergedLabel(_ index: UInt8, _ workTree: UInt8) -> String {
        switch (index, workTree) {
        case (0x44, 0x44): return "both deleted:    "
        case (0x41, 0x55): return "added by us:     "
        case (0x55, 0x44): return "deleted by them: "
        case (0x55, 0x41): return "added by them:   "
        case (0x44, 0x55): return "deleted by us:   "
        case (0x41, 0x41): return "both added:      "
        default: return "both modified:   "
        }
    }

    /// git's paragraph about a merge, cherry-pick or revert in progress.
    func printOperationInProgress(hasUnmerged: Bool) {
        let out = io.out
        let state = MergeState(repository)
        if state.read(.mergeHead) != nil {
            if hasUnmerged {
                out.line("You have unmerged paths.")
                out.line("  (fix conflicts and run \"pfad commit\")")
                out.line("  (use \"pfad merge --abort\" to abort the merge)")
            } else {
                out.line("All conflicts fixed but you are still merging.")
                out.line("  (use \"pfad commit\" to conclude merge)")
            }
            out.line("")
            return
        }
        for (file, verb, name) in [(MergeState.File.cherryPickHead, "cherry-picking", "cherry-pick"), (.revertHead, "reverting", "revert")] {
            guard let id = try? state.singleHead(file) else { continue }
            let short = (try? repository.abbreviate(id)) ?? id.hex
            out.line("You are currently \(verb) commit \(short).")
            if hasUnmerged {
                out.line("  (fix conflicts and run \"pfad \(name) --continue\")")
            } else {
                out.line("  (all conflicts fixed: run \"pfad \(name) --continue\")")
            }
            out.line("  (use \"pfad \(name) --abort\" to cancel the \(name) operation)")
            out.line("")
            return
        }
    }
}
