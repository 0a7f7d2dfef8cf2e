/// git's answer to a mistyped command (`help.c`): the line "'x' is not a
/// command" and, when some commands are close enough, the closest ones.
///
/// Closeness as git measures it: a weighted Damerau–Levenshtein distance
/// from the typed word to each command name — swapping two neighbouring
/// letters costs 0, replacing a letter 2, inserting one 1, deleting one 3 —
/// plus one; an everyday command that starts with the typed word scores 0
/// (a prefix). The commands with the best score are suggested, together
/// with the prefix matches, when that score is below 7; when every command
/// is a prefix match, none is suggested (too ambiguous).
enum UnknownCommand {
    /// git's everyday commands (its "common" list) that pfad has: only
    /// these get the prefix score.
    static let everyday: Set<String> = [
        "add", "branch", "clone", "commit", "diff", "fetch", "init", "log", "merge", "pull", "push",
        "reset", "restore", "rm", "show", "status", "switch", "tag",
    ]

    /// Scores at or above this are not suggested.
    static let similarityFloor = 7

    /// The lines git prints (on standard error) for `typed`, given the
    /// known command names.
    static func message(for typed: String, commands: [String]) -> [String] {
        var lines = ["pfad: '\(typed)' is not a pfad command. See 'pfad --help'."]
        let suggestions = suggestions(for: typed, commands: commands)
        if !suggestions.isEmpty {
            lines.append("")
            lines.append(suggestions.count == 1 ? "The most similar command is" : "The most similar commands are")
            lines += suggestions.map { "\t" + $0 }
        }
        return lines
    }

    /// The suggested commands, in git's order (score, then name).
    static func suggestions(for typed: String, commands: [String]) -> [String] {
        let scored = Set(commands).map { name -> (name: String, score: Int) in
            if everyday.contains(name), name.hasPrefix(typed) { return (name, 0) }
            return (name, distance(from: Array(typed.utf8), to: Array(name.utf8)) + 1)
        }.sorted { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }
        let prefixes = scored.prefix { $0.score == 0 }.count
        guard prefixes < scored.count else { return [] }
        let best = scored[prefixes].score
        guard best < similarityFloor else { return [] }
        let group = scored[prefixes...].prefix { $0.score == best }.count
        return scored.prefix(prefixes + group).map(\.name)
    }

    /// The weighted edit distance turning `a` into `b` (swap 0, replace 2,
    /// insert 1, delete 3). O(|a|·|b|) time, three rows of memory.
    static func distance(from a: [UInt8], to b: [UInt8]) -> Int {
        let swap = 0, replace = 2, insert = 1, delete = 3
        var before = [Int](repeating: 0, count: b.count + 1)  // row i-1
        var previous = (0...b.count).map { $0 * insert }  // row i
        var current = [Int](repeating: 0, count: b.count + 1)  // row i+1
        for i in 0..<a.count {
            current[0] = (i + 1) * delete
            for j in 0..<b.count {
                var cost = previous[j] + (a[i] == b[j] ? 0 : replace)
                if i > 0, j > 0, a[i - 1] == b[j], a[i] == b[j - 1] {
                    cost = min(cost, before[j - 1] + swap)
                }
                cost = min(cost, previous[j + 1] + delete)
                cost = min(cost, current[j] + insert)
                current[j + 1] = cost
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
