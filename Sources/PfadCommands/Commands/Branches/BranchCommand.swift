import ArgumentParser
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad branch`: list, create, delete and rename branches.
struct BranchCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "branch",
        abstract: "List, create, delete (-d/-D) or rename (-m/-M) branches.")

    @Argument(parsing: .captureForPassthrough, help: "[NAME [START]] | -d|-D NAME... | -m [OLD] NEW | --list [PATTERN...] | --show-current")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments,
            flags: ["-d", "-D", "--delete", "-m", "-M", "--move", "-l", "--list", "-f", "--force", "-q", "--quiet", "--show-current", "--unset-upstream"],
            valued: [])
        let repository = try CommandContext.repository(io)
        let operation = BranchOperation(repository)
        let names = args.positionals + (args.afterDashDash ?? [])
        let force = args.has("-f", "--force", "-D", "-M")
        if args.has("--unset-upstream") {
            try unsetUpstream(names, repository: repository)
        } else if args.has("--show-current") {
            if let branch = try HeadInfo.read(repository).branch { io.out.write(branch + [0x0A]) }
        } else if args.has("-d", "-D", "--delete") {
            guard !names.isEmpty else { throw FatalError("branch name required") }
            try delete(names, operation: operation, force: force, repository: repository, quiet: args.has("-q", "--quiet"), io)
        } else if args.has("-m", "-M", "--move") {
            switch names.count {
            case 1:
                guard let current = try HeadInfo.read(repository).branch else { throw FatalError("cannot rename the current branch while not on any.") }
                try operation.rename(String(decoding: current, as: UTF8.self), to: names[0], force: force)
            case 2:
                try operation.rename(names[0], to: names[1], force: force)
            default:
                throw FatalError("too many arguments for a rename operation")
            }
        } else if names.isEmpty || args.has("-l", "--list") {
            try list(repository, patterns: names, io)
        } else {
            guard names.count <= 2 else { throw FatalError("too many arguments") }
            let startName = names.count == 2 ? names[1] : "HEAD"
            let head = try HeadInfo.read(repository)
            guard let start = try BranchOutput.commit(startName, in: repository) else {
                let shown = names.count == 2 ? startName : String(decoding: head.branch ?? Array("HEAD".utf8), as: UTF8.self)
                throw FatalError("not a valid object name: '\(shown)'")
            }
            try operation.create(names[0], at: start, startName: startName, force: force)
        }
    }

    /// `--unset-upstream [BRANCH]`: forgets the branch's upstream (git's
    /// message when it has none).
    private func unsetUpstream(_ names: [String], repository: Repository) throws {
        guard names.count <= 1 else { throw FatalError("too many arguments to unset upstream") }
        let branch: String
        if let name = names.first {
            branch = name
        } else {
            guard let current = try HeadInfo.read(repository).branch else {
                throw FatalError("could not unset upstream of HEAD when it does not point to any branch.")
            }
            branch = String(decoding: current, as: UTF8.self)
        }
        guard Upstream.remote(ofBranch: branch, in: repository.settings) != nil else {
            throw FatalError("Branch '\(branch)' has no upstream information")
        }
        let editor = ConfigEditor(gitDirectory: repository.gitDirectory)
        for key in Upstream.keys(forBranch: branch) {
            do {
                try editor.unset(key, scope: .local, all: true)
            } catch ConfigEditError.notSet {
                continue
            }
        }
    }

    private func list(_ repository: Repository, patterns: [String], _ io: CommandIO) throws {
        let head = try HeadInfo.read(repository)
        if head.refName == nil, let commit = head.commit, patterns.isEmpty {
            io.out.line("* (HEAD detached at \(try repository.abbreviate(commit)))")
        }
        for (name, _) in try BranchOperation(repository).list() {
            if !patterns.isEmpty, !patterns.contains(where: { WildMatch.match(pattern: Array($0.utf8), text: name) }) { continue }
            let current = head.branch == name && head.refName != nil
            io.out.write(Array((current ? "* " : "  ").utf8) + name + [0x0A])
        }
    }

    private func delete(_ names: [String], operation: BranchOperation, force: Bool, repository: Repository, quiet: Bool, _ io: CommandIO) throws {
        var failed = false
        for name in names {
            switch try operation.delete(name, force: force) {
            case .deleted(let id):
                if !quiet { io.out.line("Deleted branch \(name) (was \(try repository.abbreviate(id))).") }
            case .notFound:
                io.error("branch '\(name)' not found.")
                failed = true
            case .checkedOut:
                io.error("Cannot delete branch '\(name)' checked out at '\(repository.workTree ?? repository.gitDirectory)'")
                failed = true
            case .notMerged:
                io.error("The branch '\(name)' is not fully merged.")
                io.raw("If you are sure you want to delete it, run 'pfad branch -D \(name)'.")
                failed = true
            }
        }
        if failed { throw CommandExit(1) }
    }
}
