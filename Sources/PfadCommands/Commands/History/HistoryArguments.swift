import Foundation
import PfadObjects
import PfadRepository

/// The command-line options `log`, `rev-list` and `show` share, parsed in
/// git's manner: options, revisions and ranges in any order, then paths
/// after `--` (or paths that are not revisions but exist in the work tree).
struct HistoryArguments {
    var revisions = RevisionSet()
    var walk = WalkOptions()
    var format: PrettyFormat?
    var decorate: Decorations.Style?
    var dateStyle: DateStyle = .default
    var count = false
    var parents = false
    var revisionArguments: [String] = []
    /// Options the caller handles itself (returned in order).
    var extra: [String] = []

    /// Parses `arguments`. `known` lists the extra options a command takes
    /// (without value); anything else starting with `-` is a usage error.
    static func parse(_ arguments: [String], repository: Repository, cache: CommitCache, command: String, known: Set<String> = []) throws -> HistoryArguments {
        var result = HistoryArguments()
        var negated = false
        var pathsOnly = false
        var index = 0
        func value(_ option: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("option '\(option)' requires a value") }
            return arguments[index]
        }
        func number(_ text: String, _ option: String) throws -> Int {
            guard let n = Int(text) else { throw FatalError("'\(text)': not an integer") }
            return n
        }
        while index < arguments.count {
            defer { index += 1 }
            let arg = arguments[index]
            if pathsOnly {
                result.revisions.paths.append(arg)
                continue
            }
            switch arg {
            case "--":
                pathsOnly = true
            case "--oneline":
                result.format = .oneline
            case "--pretty":
                result.format = .medium
            case "--reverse": result.walk.reverse = true
            case "--first-parent": result.walk.firstParentOnly = true
            case "--topo-order": result.walk.order = .topological
            case "--date-order": result.walk.order = .date
            case "--all": try result.revisions.addAll(negated: negated, repository: repository)
            case "--not": negated.toggle()
            case "--decorate": result.decorate = .short
            case "--no-decorate": result.decorate = nil
            case "--count": result.count = true
            case "--parents": result.parents = true
            case "--merges": result.walk.minParents = 2
            case "--no-merges": result.walk.maxParents = 1
            case "-n", "--max-count": result.walk.maxCount = try number(try value(arg), arg)
            default:
                if let v = arg.valueAfter("--format=") ?? arg.valueAfter("--pretty=") {
                    guard let f = PrettyFormat(v) else { throw FatalError("invalid --pretty format: \(v)") }
                    result.format = f
                } else if let v = arg.valueAfter("--decorate=") {
                    switch v {
                    case "short", "auto": result.decorate = .short
                    case "full": result.decorate = .full
                    case "no": result.decorate = nil
                    default: throw FatalError("invalid --decorate option: \(v)")
                    }
                } else if let v = arg.valueAfter("--date=") {
                    guard let style = DateStyle(name: v) else { throw FatalError("unknown date format \(v)") }
                    result.dateStyle = style
                } else if let v = arg.valueAfter("--max-count=") {
                    result.walk.maxCount = try number(v, "--max-count")
                } else if let v = arg.valueAfter("--min-parents=") {
                    result.walk.minParents = try number(v, "--min-parents")
                } else if let v = arg.valueAfter("--max-parents=") {
                    result.walk.maxParents = try number(v, "--max-parents")
                } else if let v = arg.valueAfter("--skip=") {
                    result.walk.skip = try number(v, "--skip")
                } else if arg.hasPrefix("-n"), arg.count > 2, let n = Int(arg.dropFirst(2)) {
                    result.walk.maxCount = n
                } else if arg.hasPrefix("-"), arg.count > 1, let n = Int(arg.dropFirst()) {
                    result.walk.maxCount = n
                } else if known.contains(arg) || known.contains(where: { $0.hasSuffix("=") && arg.hasPrefix($0) }) {
                    result.extra.append(arg)
                } else if arg.hasPrefix("-") && arg.count > 1 && !arg.hasPrefix("^") {
                    // git: log and show stop with a fatal error, rev-list prints its usage.
                    if command == "rev-list" { throw UsageError("usage: pfad rev-list [<options>] <commit>... [--] [<path>...]") }
                    throw FatalError("unrecognized argument: \(arg)")
                } else if try result.revisions.add(arg, negated: negated, cache: cache) {
                    result.revisionArguments.append(arg)
                } else if repository.isWorkTreePath(arg) {
                    // Not a revision but a file: it and everything after are paths.
                    result.revisions.paths.append(arg)
                    pathsOnly = true
                } else {
                    throw Repository.neitherRevisionNorPath(arg)
                }
            }
        }
        result.walk.paths = result.revisions.repositoryPaths(prefix: repository.prefix)
        return result
    }

    /// Adds `HEAD` when no revision was given; fails like git on an unborn branch.
    mutating func defaultToHead(repository: Repository, cache: CommitCache) throws {
        guard revisions.isEmpty, revisionArguments.isEmpty else { return }
        if try !revisions.add("HEAD", cache: cache) {
            let head = try HeadInfo.read(repository)
            let branch = head.branch.map { String(decoding: $0, as: UTF8.self) } ?? "HEAD"
            throw FatalError("your current branch '\(branch)' does not have any commits yet")
        }
    }
}
