import PfadObjects
import PfadRepository

/// git-style argument splitting for the branch commands, whose positional
/// meaning depends on flags and on `--` (which ArgumentParser cannot express):
/// flags (`-d`, `--force`), options with values (`-m MSG`, `-mMSG`,
/// `--source=REV`), positionals, and what follows `--`.
struct GitArguments {
    /// Flags seen, by their spelling (`-d`, `--force`).
    var flags: Set<String> = []
    /// Option values, by spelling; repeated options keep every value.
    var values: [String: [String]] = [:]
    /// Positional arguments before `--`.
    var positionals: [String] = []
    /// Arguments after `--`, nil when there was no `--`.
    var afterDashDash: [String]?

    /// Splits `arguments`; `valued` lists the options that take a value.
    /// - Throws: `UsageError` for an unknown option or a missing value.
    init(_ arguments: [String], flags known: Set<String>, valued: Set<String>) throws {
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "--" {
                afterDashDash = Array(arguments[i...])
                return
            }
            guard arg.hasPrefix("-"), arg != "-" else {
                positionals.append(arg)
                continue
            }
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--"), valued.contains(String(arg[..<eq])) {
                values[String(arg[..<eq]), default: []].append(String(arg[arg.index(after: eq)...]))
            } else if valued.contains(arg) {
                guard i < arguments.count else { throw UsageError("switch `\(arg.drop { $0 == "-" })' requires a value") }
                values[arg, default: []].append(arguments[i])
                i += 1
            } else if known.contains(arg) {
                flags.insert(arg)
            } else if !arg.hasPrefix("--"), arg.count > 2 {
                // Clustered short flags (-qf) or a short option with its value (-mMSG).
                let letters = Array(arg.dropFirst())
                var k = 0
                while k < letters.count {
                    let option = "-" + String(letters[k])
                    if valued.contains(option) {
                        let rest = String(letters[(k + 1)...])
                        if rest.isEmpty {
                            guard i < arguments.count else { throw UsageError("switch `\(letters[k])' requires a value") }
                            values[option, default: []].append(arguments[i])
                            i += 1
                        } else {
                            values[option, default: []].append(rest)
                        }
                        break
                    }
                    guard known.contains(option) else { throw UsageError("unknown switch `\(letters[k])'") }
                    flags.insert(option)
                    k += 1
                }
            } else {
                throw UsageError(arg.hasPrefix("--") ? "unknown option `\(arg.dropFirst(2))'" : "unknown switch `\(arg.dropFirst())'")
            }
        }
    }

    /// True when any of `spellings` was given.
    func has(_ spellings: String...) -> Bool { spellings.contains { flags.contains($0) } }

    /// The last value of any of `spellings`.
    func value(_ spellings: String...) -> String? {
        spellings.compactMap { values[$0]?.last }.last
    }
}
