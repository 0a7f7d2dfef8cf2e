import PfadDiff
import PfadStore

/// The options of `pfad diff`, parsed by hand because git's diff options
/// take attached values (`-U5`, `--stat=100`, `--word-diff=plain`) that the
/// argument parser does not model.
struct DiffOptions {
    /// What to print.
    enum Format: Equatable {
        case patch, stat, shortstat, numstat, summary, nameOnly, nameStatus
    }

    /// Word-diff presentation (`--word-diff[=mode]`).
    enum WordDiffMode: String {
        case plain, porcelain, none
    }

    var noIndex = false
    var algorithm: DiffAlgorithm = .myers
    /// `--indent-heuristic` / `--no-indent-heuristic`; nil until given or
    /// taken from `diff.indentHeuristic` (`applyConfiguration`).
    var indentHeuristic: Bool?
    var context = 3
    var formats: [Format] = []
    var statWidth = 80
    var statNameWidth: Int?
    var statGraphWidth: Int?
    var statCount: Int?
    var quiet = false
    var wordDiff: WordDiffMode?
    var wordRegex: String?
    var renames = true
    var reverse = false
    var wholeFunctions = false
    var whitespace: WhitespaceMode = .exact
    var interHunkContext = 0
    var oldPrefix = "a/"
    var newPrefix = "b/"
    /// Minimum similarity (percent) for a rename (`-M<n>`), git's default 50.
    var renameThreshold = 50
    var paths: [String] = []
    /// How many of `paths` came before `--` (nil: no `--` was given).
    var pathsBeforeSeparator: Int?
    /// `core.quotePath`: quote bytes ≥ 0x80 in paths (paths with control
    /// characters, `"` or `\\` are always quoted).
    var quotePath = true
    /// `--cached`/`--staged`: compare the index, not the work tree.
    var cached = false
    /// `--exit-code` (implied by `--quiet` and `--no-index`): exit 1 on differences.
    var exitCode = false

    /// Whether ambiguous hunks are placed by git's indent heuristic: the
    /// command line, else `diff.indentHeuristic`, else on (git's default).
    var usesIndentHeuristic: Bool { indentHeuristic ?? true }

    /// Takes `diff.indentHeuristic` from `settings` unless the command line
    /// decided already.
    mutating func applyConfiguration(_ settings: ConfigStack?) {
        if indentHeuristic == nil, let settings {
            indentHeuristic = (try? settings.getBool("diff.indentheuristic")) ?? nil
        }
    }

    /// Whether the output shows `index` lines (and so needs blob ids).
    var needsObjectIDs: Bool {
        !quiet && (formats.isEmpty || formats.contains(.patch))
    }

    /// Whether the output needs file contents (patches and stats do, names do not).
    var needsContent: Bool {
        !quiet && (formats.isEmpty || formats.contains { $0 != .nameOnly && $0 != .nameStatus && $0 != .summary })
    }

    /// Parses `arguments` (everything after `diff`); throws `UsageError` for
    /// unknown options or bad values.
    static func parse(_ arguments: [String]) throws -> DiffOptions {
        var options = DiffOptions()
        var index = 0
        var onlyPaths = false
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            if onlyPaths || !arg.hasPrefix("-") || arg == "-" {
                options.paths.append(arg)
                continue
            }
            func value(_ name: String) throws -> String {
                guard index < arguments.count else { throw UsageError("option '\(name)' requires a value") }
                index += 1
                return arguments[index - 1]
            }
            switch arg {
            case "--":
                onlyPaths = true
                options.pathsBeforeSeparator = options.paths.count
            case "--cached", "--staged": options.cached = true
            case "--exit-code": options.exitCode = true
            case "--no-index": options.noIndex = true
            case "--minimal": options.algorithm = .minimal
            case "--patience": options.algorithm = .patience
            case "--histogram": options.algorithm = .histogram
            case "--myers": options.algorithm = .myers
            case "--stat": options.formats.append(.stat)
            case "--numstat": options.formats.append(.numstat)
            case "--shortstat": options.formats.append(.shortstat)
            case "--summary": options.formats.append(.summary)
            case "--patch-with-stat": options.formats += [.patch, .stat]
            case "-s", "--no-patch": options.quiet = true  // git 2.39: no output at all, exit code kept
            case "-R": options.reverse = true
            case "-W", "--function-context": options.wholeFunctions = true
            case "-w", "--ignore-all-space": options.whitespace = .ignoreAll
            case "-b", "--ignore-space-change": options.whitespace = .ignoreChange
            case "--ignore-space-at-eol": options.whitespace = .ignoreAtEndOfLine
            case "--no-prefix": (options.oldPrefix, options.newPrefix) = ("", "")
            case "--inter-hunk-context": options.interHunkContext = try number(try value(arg), arg)
            case "--name-only": options.formats.append(.nameOnly)
            case "--name-status": options.formats.append(.nameStatus)
            case "-p", "-u", "--patch": options.formats.append(.patch)
            case "--quiet", "-q": options.quiet = true
            case "--no-color", "--no-ext-diff", "--no-textconv":
                break
            case "--indent-heuristic": options.indentHeuristic = true
            case "--no-indent-heuristic": options.indentHeuristic = false
            case "--renames", "-M": options.renames = true
            case "--no-renames": options.renames = false
            case "--word-diff": options.wordDiff = .plain
            case "--diff-algorithm": options.algorithm = try algorithmNamed(try value(arg))
            case "--word-diff-regex":
                options.wordRegex = try value(arg)
                if options.wordDiff == nil { options.wordDiff = .plain }
            case "-U", "--unified": options.context = try number(try value(arg), arg)
            default:
                try options.parseAttached(arg)
            }
        }
        return options
    }

    private mutating func parseAttached(_ arg: String) throws {
        if arg.hasPrefix("-U") {
            context = try Self.number(String(arg.dropFirst(2)), "-U")
        } else if let v = arg.valueAfter("--unified=") {
            context = try Self.number(v, "--unified")
        } else if let v = arg.valueAfter("--inter-hunk-context=") {
            interHunkContext = try Self.number(v, "--inter-hunk-context")
        } else if let v = arg.valueAfter("--src-prefix=") {
            oldPrefix = v
        } else if let v = arg.valueAfter("--dst-prefix=") {
            newPrefix = v
        } else if let v = arg.valueAfter("--diff-algorithm=") {
            algorithm = try Self.algorithmNamed(v)
        } else if let v = arg.valueAfter("--stat=") {
            formats.append(.stat)
            let parts = v.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if let w = parts.first, !w.isEmpty { statWidth = try Self.number(w, "--stat") }
            if parts.count > 1, !parts[1].isEmpty { statNameWidth = try Self.number(parts[1], "--stat") }
            if parts.count > 2, !parts[2].isEmpty { statCount = try Self.number(parts[2], "--stat") }
        } else if let v = arg.valueAfter("--stat-width=") {
            formats.append(.stat)
            statWidth = try Self.number(v, "--stat-width")
        } else if let v = arg.valueAfter("--stat-name-width=") {
            formats.append(.stat)
            statNameWidth = try Self.number(v, "--stat-name-width")
        } else if let v = arg.valueAfter("--stat-graph-width=") {
            formats.append(.stat)
            statGraphWidth = try Self.number(v, "--stat-graph-width")
        } else if let v = arg.valueAfter("--stat-count=") {
            formats.append(.stat)
            statCount = try Self.number(v, "--stat-count")
        } else if let v = arg.valueAfter("--word-diff=") {
            guard let mode = WordDiffMode(rawValue: v) else {
                throw UsageError("bad --word-diff argument: \(v)")
            }
            wordDiff = mode == .none ? nil : mode
        } else if let v = arg.valueAfter("--word-diff-regex=") {
            wordRegex = v
            if wordDiff == nil { wordDiff = .plain }
        } else if let v = arg.valueAfter("-M") ?? arg.valueAfter("--find-renames=") {
            renames = true
            renameThreshold = try Self.similarityPercent(v)
        } else {
            throw UsageError("invalid option: \(arg)")
        }
    }

    /// git's `-M<n>` value: `60%` is a percentage, `6` or `06` a decimal
    /// fraction (0.6 or 0.06).
    static func similarityPercent(_ text: String) throws -> Int {
        if text.hasSuffix("%") {
            guard let n = Int(text.dropLast()), n >= 0, n <= 100 else {
                throw UsageError("invalid rename threshold: \(text)")
            }
            return n
        }
        guard !text.isEmpty, text.allSatisfy(\.isNumber), let value = Double("0." + text) else {
            throw UsageError("invalid rename threshold: \(text)")
        }
        return Int(value * 100)
    }

    private static func number(_ text: String, _ name: String) throws -> Int {
        guard let n = Int(text), n >= 0 else { throw UsageError("option '\(name)' expects a non-negative number") }
        return n
    }

    private static func algorithmNamed(_ name: String) throws -> DiffAlgorithm {
        guard let algorithm = DiffAlgorithm(gitName: name) else {
            throw UsageError("option diff-algorithm accepts \"myers\", \"minimal\", \"patience\" and \"histogram\"")
        }
        return algorithm
    }
}

extension String {
    /// The rest of the string after `prefix`, if it starts with it.
    func valueAfter(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
