import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad ls-tree`: list the contents of a tree object.
struct LsTreeCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls-tree",
        abstract: "List the contents of a tree object (or the tree of a commit or tag).")

    @Flag(name: .customShort("r"), help: "Recurse into subtrees.")
    var recursive = false

    @Flag(name: .customShort("t"), help: "Show trees even when recursing into them.")
    var showTrees = false

    @Flag(name: .customShort("d"), help: "Show only trees.")
    var onlyTrees = false

    @Flag(name: [.customLong("name-only"), .customLong("name-status")], help: "Print only the paths.")
    var nameOnly = false

    @Flag(name: .customLong("full-tree"), help: "Ignore the current folder; list from the root.")
    var fullTree = false

    @Argument(help: "The tree-ish to list.")
    var treeish: String

    @Argument(help: "Only list these paths (prefixes).")
    var paths: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let printer = TreeLister(
            repository: repository, io: io, recursive: recursive, showTrees: showTrees, onlyTrees: onlyTrees, nameOnly: nameOnly,
            prefix: fullTree ? [] : repository.prefix)
        let id = try CommandContext.object(treeish, in: repository)
        guard let tree = try repository.peel(id, to: .tree) else {
            throw FatalError("not a tree object")
        }
        try printer.list(tree, paths: paths)
    }
}

/// The listing shared by `ls-tree` and `cat-file -p <tree>`.
struct TreeLister {
    let repository: Repository
    /// Where the lines go.
    let io: CommandIO
    var recursive = false
    var showTrees = false
    var onlyTrees = false
    var nameOnly = false
    var prefix: [UInt8] = []

    /// Prints the entries of `tree` that the path filters select.
    func list(_ tree: ObjectID, paths: [String]) throws {
        var patterns: [[UInt8]] = paths.map { prefix + Array($0.utf8) }
        if patterns.isEmpty && !prefix.isEmpty { patterns = [prefix] }
        try walk(tree, base: [], patterns: patterns)
    }

    private func walk(_ tree: ObjectID, base: [UInt8], patterns: [[UInt8]]) throws {
        let quotePath = CommandContext.quotePath(repository)
        for entry in try repository.readTree(tree).entries {
            let path = base + entry.name
            let isTree = entry.mode == .directory
            var show = patterns.isEmpty
            var descend = isTree && recursive && patterns.isEmpty
            for pattern in patterns {
                if pattern == path || (pattern.last == 0x2F && path.starts(with: pattern)) {
                    show = true
                    if isTree && recursive { descend = true }
                } else if path.count > pattern.count, path.starts(with: pattern), pattern.last != 0x2F,
                          path[pattern.count] == 0x2F {
                    show = true
                    if isTree && recursive { descend = true }
                } else if pattern.count > path.count, pattern.starts(with: path), pattern[path.count] == 0x2F, isTree {
                    descend = true
                }
            }
            if descend {
                if showTrees || onlyTrees { emit(entry, path: path, quotePath: quotePath) }
                try walk(entry.id, base: path + [0x2F], patterns: patterns)
            } else if show {
                if onlyTrees && !isTree { continue }
                emit(entry, path: path, quotePath: quotePath)
            }
        }
    }

    private func emit(_ entry: TreeEntry, path: [UInt8], quotePath: Bool) {
        let shown = PathQuoting.quote(PathQuoting.relative(path, to: prefix), quotePath: quotePath)
        if nameOnly {
            io.out.write(shown)
        } else {
            let type = entry.mode.objectType.rawValue
            io.out.write("\(entry.mode.paddedOctal) \(type) \(entry.id.hex)\t")
            io.out.write(shown)
        }
        io.out.write([0x0A])
    }
}
