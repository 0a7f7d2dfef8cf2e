import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// `pfad push [<remote> [<refspec>...]]` (`Documentation/git-push.txt`).
struct PushCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Update remote refs along with associated objects.",
        usage: "pfad push [<options>] [<repository> [<refspec>...]]")

    @Flag(name: [.customShort("f"), .customLong("force")], help: "Allow non-fast-forward updates.")
    var force = false
    @Flag(name: [.customShort("d"), .customLong("delete")], help: "Delete the named refs.")
    var delete = false
    @Flag(name: .customLong("tags"), help: "Push all tags as well.")
    var tags = false
    @Flag(name: .customLong("atomic"), help: "All refs or none.")
    var atomic = false
    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Do everything except send the updates.")
    var dryRun = false
    @Flag(name: [.customShort("u"), .customLong("set-upstream")], help: "Record the pushed branches as upstream.")
    var setUpstream = false
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Be quiet.")
    var quiet = false
    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Be verbose.")
    var verbose = false
    @Option(name: .customLong("receive-pack"), help: "Program to run on the remote side.")
    var receivePack: String?
    @Argument(help: "Remote name or URL.")
    var repositoryName: String?
    @Argument(help: "Refspecs.")
    var refspecs: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let target = try RemoteTarget.resolve(repositoryName ?? RemoteTarget.upstreamRemote(repository), settings: repository.settings, push: true)
        var texts = refspecs
        if delete {
            guard !texts.isEmpty else { throw FatalError("--delete doesn't make sense without any refs") }
            texts = texts.map { ":" + $0 }
        }
        if texts.isEmpty, let configured = target.remote?.pushRefspecs, !configured.isEmpty {
            texts = configured.map(\.description)
        }
        if texts.isEmpty {
            let head = try HeadInfo.read(repository)
            guard let branch = head.branch else {
                throw FatalError("You are not currently on a branch.")
            }
            texts = [String(decoding: branch, as: UTF8.self)]
        }
        if tags { texts.append("refs/tags/*:refs/tags/*") }
        var specs: [Refspec] = []
        var sources: [String] = []
        for text in texts {
            let spec = Self.parse(text)
            specs.append(spec)
            sources.append(String(decoding: spec.source, as: UTF8.self))
        }
        var options = PushOperation.Options(refspecs: specs, sourceTexts: sources)
        options.force = force
        options.atomic = atomic
        options.dryRun = dryRun
        options.quiet = quiet || !FetchRunner.showsProgress
        options.remoteName = target.remote?.name
        options.fetchRefspecs = target.remote?.fetchRefspecs ?? []
        let program = receivePack ?? target.configuredProgram(for: .receivePack, settings: repository.settings)
        let result: PushOperation.Result
        do {
            result = try FetchRunner.withProgress(showing: !quiet && FetchRunner.showsProgress) { remote, _ in
                try repository.push(to: target, options: options, program: FetchRunner.program(program, service: .receivePack),
                                    progress: TransferProgress(remote: remote))
            }
        } catch let error as RepositoryError {
            io.error(String(describing: error).replacingOccurrences(of: "fatal: ", with: ""))
            io.error("failed to push some refs to '\(RemoteLocation.anonymized(target.url))'")
            throw CommandExit(1)
        } catch {
            throw FetchRunner.fatal(error)
        }
        report(result, repository: repository, url: RemoteLocation.anonymized(target.url), io: io)
        if setUpstream && !dryRun, let remote = target.remote?.name ?? Optional(target.url) {
            try recordUpstream(result, remote: remote, repository: repository, io: io)
        }
        if result.failed { throw CommandExit(1) }
    }

    /// A push refspec (`Refspec(pushing:)`).
    static func parse(_ text: String) -> Refspec {
        Refspec(pushing: text)
    }

    private func report(_ result: PushOperation.Result, repository: Repository, url: String, io: CommandIO) {
        let shown = result.updates.filter { verbose || $0.status != .upToDate || quiet }
        var text = ""
        if atomic, let refused = result.updates.first(where: { $0.status == .rejectedNonFastForward || $0.status == .rejectedFetchFirst }) {
            // git's lines when an atomic push fails before anything is sent
            // (status: git's REF_STATUS_REJECT_NONFASTFORWARD = 2, _FETCH_FIRST = 5).
            let code = refused.status == .rejectedNonFastForward ? 2 : 5
            text += "error: atomic push failed for ref \(String(decoding: refused.remoteName, as: UTF8.self)). status: \(code)\n\n"
            text += "fatal: the remote end hung up unexpectedly\n"
        }
        if result.updates.allSatisfy({ $0.status == .upToDate }) {
            if !quiet { text += "Everything up-to-date\n" }
        } else {
            if !quiet || result.failed {
                text += "To \(url)\n"
                let bases = MergeBase(cache: CommitCache(repository))
                for update in shown where !quiet || update.isRejected {
                    let fastForward = update.old.flatMap { old in update.new.map { ((try? bases.isAncestor(old, of: $0)) ?? false) } } ?? false
                    text += update.summaryLine(fastForward: fastForward) { (try? repository.abbreviate($0)) ?? String($0.hex.prefix(7)) } + "\n"
                }
            }
            if let error = result.unpackError { text += "error: remote unpack failed: \(error)\n" }
            if result.failed {
                text += "error: failed to push some refs to '\(url)'\n"
                let current = (try? HeadInfo.read(repository).branch).flatMap { $0 }.map { Array("refs/heads/".utf8) + $0 }
                if result.updates.contains(where: { $0.status == .rejectedFetchFirst }) {
                    text += """
                        hint: Updates were rejected because the remote contains work that you do
                        hint: not have locally. This is usually caused by another repository pushing
                        hint: to the same ref. You may want to first integrate the remote changes
                        hint: (e.g., 'git pull ...') before pushing again.
                        hint: See the 'Note about fast-forwards' in 'git push --help' for details.

                        """
                } else if let rejected = result.updates.first(where: { $0.status == .rejectedNonFastForward }) {
                    if rejected.remoteName == current || rejected.sourceText == "HEAD" {
                        text += """
                            hint: Updates were rejected because the tip of your current branch is behind
                            hint: its remote counterpart. Integrate the remote changes (e.g.
                            hint: 'git pull ...') before pushing again.
                            hint: See the 'Note about fast-forwards' in 'git push --help' for details.

                            """
                    } else {
                        text += """
                            hint: Updates were rejected because a pushed branch tip is behind its remote
                            hint: counterpart. If you want to integrate the remote changes, use 'git pull'
                            hint: before pushing again.
                            hint: See the 'Note about fast-forwards' in 'git push --help' for details.

                            """
                    }
                }
            }
        }
        io.err.write(text)
    }

    private func recordUpstream(_ result: PushOperation.Result, remote: String, repository: Repository, io: CommandIO) throws {
        var config = repository.config
        for update in result.updates where update.status == .ok || update.status == .upToDate {
            guard update.new != nil, update.remoteName.starts(with: Array("refs/heads/".utf8)),
                  let local = try PushOperation.localFullName(update.sourceText, repository: repository),
                  local.starts(with: Array("refs/heads/".utf8)) else { continue }
            let short = String(decoding: local.dropFirst(11), as: UTF8.self)
            try Upstream.record(Upstream(remote: remote, merge: update.remoteName), forBranch: short, in: &config)
            if !quiet {
                io.err.line("branch '\(short)' set up to track '\(remote)/\(RefDisplay.short(update.remoteName))'.")
            }
        }
        try ConfigFile.save(config, to: repository.gitDirectory + "/config")
    }
}
