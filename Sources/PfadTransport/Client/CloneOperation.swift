import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `git clone` after the new repository exists: writes the remote's
/// config as git does, fetches every branch and tag, points `HEAD` (and
/// `refs/remotes/<origin>/HEAD`) like the remote's `HEAD`, creates the
/// local branch with its upstream config and checks it out
/// (`Documentation/git-clone.txt`).
public struct CloneOperation {
    /// The freshly initialised repository.
    public let repository: Repository
    /// The knobs.
    public var options: Options

    /// How to clone.
    public struct Options: Sendable {
        /// The URL written to `remote.<origin>.url`.
        public var url: String
        /// The remote's name (`--origin`, default `origin`).
        public var origin = "origin"
        /// `-b`: the branch to check out instead of the remote's HEAD.
        public var branch: String?
        /// `--no-checkout`.
        public var noCheckout = false
        /// `--quiet`.
        public var quiet = false

        /// Options for cloning `url`.
        public init(url: String) {
            self.url = url
        }
    }

    /// What the clone found.
    public struct Result: Sendable {
        /// The fetch underneath.
        public var fetch: FetchOperation.Result
        /// The branch checked out (full name), nil for a detached HEAD.
        public var branch: [UInt8]?
        /// True when the remote had no refs.
        public var empty: Bool
    }

    /// A clone into `repository`.
    public init(_ repository: Repository, options: Options) {
        self.repository = repository
        self.options = options
    }

    /// Runs the clone over `session`.
    /// - Throws: `RepositoryError.other("Remote branch X not found in
    ///   upstream origin")` for a bad `-b`, transport, pack and checkout errors.
    public func run(session: FetchSession, progress: @escaping ([UInt8]) -> Void, receiving: ReceiveProgress? = nil) throws -> Result {
        let origin = options.origin
        let bare = repository.isBare
        let refspec = bare
            ? Refspec(source: Array("refs/heads/*".utf8), destination: Array("refs/heads/*".utf8), force: true)
            : Remote.defaultFetchRefspec(for: origin)
        var config = repository.config
        try config.set("remote.\(origin).url", options.url)
        if !bare { try config.set("remote.\(origin).fetch", refspec.description) }
        if repository.algorithm != .sha1 {
            // git learns the format from the server after writing the remote: the section follows it.
            config.removeSection("extensions", subsection: nil)
            try config.set("extensions.objectformat", repository.algorithm.rawValue)
        }
        try ConfigFile.save(config, to: repository.gitDirectory + "/config")

        var fetchOptions = FetchOperation.Options(url: options.url, refspecs: [refspec])
        fetchOptions.tags = .all
        fetchOptions.extraPrefixes = ["HEAD"]
        fetchOptions.quiet = options.quiet
        fetchOptions.writeFetchHead = false
        fetchOptions.updateHeadOK = true
        fetchOptions.reflogAction = "clone: from \(RemoteLocation.anonymized(options.url))"
        fetchOptions.plainReflogMessage = true
        fetchOptions.logUpdates = false
        fetchOptions.atomic = true
        let fetched = try FetchOperation(repository, options: fetchOptions).run(session: session, progress: progress, receiving: receiving)

        let remoteHead = fetched.advertised.first { $0.name == Array("HEAD".utf8) }
        let branches = fetched.advertised.filter { $0.name.starts(with: Array("refs/heads/".utf8)) && $0.id != nil }
        let committer = try FetchOperation.reflogCommitter(repository)
        let message = Array("clone: from \(RemoteLocation.anonymized(options.url))".utf8)
        let null = repository.algorithm.nullID

        // Which branch HEAD names, and at which commit.
        var branchName: [UInt8]?
        var commit: ObjectID?
        if let wanted = options.branch {
            let full = Array("refs/heads/\(wanted)".utf8)
            if let ref = branches.first(where: { $0.name == full }) {
                branchName = full
                commit = ref.id
            } else if let tag = fetched.advertised.first(where: { $0.name == Array("refs/tags/\(wanted)".utf8) }), let id = tag.id {
                commit = tag.peeled ?? id
            } else {
                throw RepositoryError.other("Remote branch \(wanted) not found in upstream \(origin)")
            }
        } else if let target = remoteHead?.symrefTarget {
            branchName = target
            commit = branches.first { $0.name == target }?.id
        } else if let id = remoteHead?.id {
            // A detached remote HEAD: prefer a branch pointing at it, as git does.
            if let match = branches.first(where: { $0.id == id && $0.name == Array("refs/heads/main".utf8) })
                ?? branches.first(where: { $0.id == id }) {
                branchName = match.name
            }
            commit = id
        }

        if !bare, let target = remoteHead?.symrefTarget ?? (remoteHead?.id != nil ? branchName : nil),
           let tracking = refspec.mapToDestination(target), try repository.refs.resolve(tracking) != nil {
            let symbolic = Array("refs/remotes/\(origin)/HEAD".utf8)
            try repository.refs.setSymbolic(symbolic, target: tracking, reflog: nil)
            // git logs its creation (and no other remote-tracking ref).
            if let id = try repository.refs.resolve(tracking) {
                try repository.refs.appendReflog(symbolic, ReflogEntry(old: null, new: id, committer: committer, message: message))
            }
        }
        if let branchName {
            if !bare, let commit {
                _ = try repository.refs.update(
                    branchName, to: commit, expected: .any, reflog: ReflogEntry(old: null, new: commit, committer: committer, message: message))
            }
            try repository.refs.setSymbolic(Array("HEAD".utf8), target: branchName, reflog: nil)
            if !bare, commit != nil {
                let short = String(decoding: branchName.dropFirst(11), as: UTF8.self)
                try Upstream.record(Upstream(remote: origin, merge: branchName), forBranch: short, in: &config)
                try ConfigFile.save(config, to: repository.gitDirectory + "/config")
            }
        } else if let commit {
            _ = try repository.refs.update(
                Array("HEAD".utf8), to: commit, expected: .any, reflog: ReflogEntry(old: null, new: commit, committer: committer, message: message))
        }
        if let commit, !bare {
            // HEAD's log line (the branch update above logged only the branch while HEAD was elsewhere).
            let head = Array("HEAD".utf8)
            if branchName != nil, try repository.refs.readReflog(head).isEmpty {
                try repository.refs.appendReflog(head, ReflogEntry(old: null, new: commit, committer: committer, message: message))
            }
            if !options.noCheckout {
                let tree = try repository.readCommit(try repository.peel(commit, to: .commit) ?? commit).tree
                _ = try CheckoutOperation(repository).run(from: .tree(nil), to: tree, options: .init(force: true, operation: "clone"))
            }
        }
        return Result(fetch: fetched, branch: branchName, empty: branches.isEmpty && fetched.advertised.allSatisfy { $0.id == nil })
    }
}
