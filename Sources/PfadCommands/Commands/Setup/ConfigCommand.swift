import ArgumentParser
import Foundation
import PfadRepository
import PfadStore

/// `pfad config`: read and write git's config files, as `git config` does
/// (the files, their locations, the edits and the exit codes are git's;
/// the work is `PfadStore`'s `ConfigEditor`).
struct ConfigCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Get and set repository or global options.",
        discussion: """
            pfad config NAME                    print the value (exit 1 when unset)
            pfad config NAME VALUE              set it (in the repository's config)
            Scopes: --local (default), --global, --system, -f/--file FILE.
            Actions: --get, --get-all, --get-regexp PATTERN, --add, --replace-all,
            --unset, --unset-all, -l/--list, --remove-section NAME.
            Types: --bool, --int, --bool-or-int, --path, --type=TYPE.
            Example: pfad config --global user.name "Anna Schäfer"
            """)

    @Argument(parsing: .captureForPassthrough, help: "Options, NAME and VALUE.")
    var arguments: [String] = []

    private enum Action: Equatable { case get, getAll, getRegexp, set, add, replaceAll, unset, unsetAll, list, removeSection }

    func run(_ io: CommandIO) throws {
        var scope: ConfigScope?
        var type: ConfigType?
        var action: Action?
        var positional: [String] = []
        var rest = arguments[...]
        func choose(_ chosen: Action) throws {
            guard action == nil || action == chosen else { throw UsageError("only one action at a time") }
            action = chosen
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--global": scope = .global
            case "--system": scope = .system
            case "--local": scope = .local
            case "-f", "--file":
                guard let path = rest.popFirst() else { throw UsageError("option `file' requires a value") }
                scope = .file(path)
            case "--bool": type = .bool
            case "--int": type = .int
            case "--bool-or-int": type = .boolOrInt
            case "--path": type = .path
            case "--type":
                guard let name = rest.popFirst() else { throw UsageError("option `type' requires a value") }
                type = try Self.type(named: name)
            case "--get": try choose(.get)
            case "--get-all": try choose(.getAll)
            case "--get-regexp": try choose(.getRegexp)
            case "--add": try choose(.add)
            case "--replace-all": try choose(.replaceAll)
            case "--unset": try choose(.unset)
            case "--unset-all": try choose(.unsetAll)
            case "-l", "--list": try choose(.list)
            case "--remove-section": try choose(.removeSection)
            case "--": positional += rest; rest = []
            default:
                if argument.hasPrefix("--file=") {
                    scope = .file(String(argument.dropFirst("--file=".count)))
                } else if argument.hasPrefix("--type=") {
                    type = try Self.type(named: String(argument.dropFirst("--type=".count)))
                } else if argument.hasPrefix("-") && argument.count > 1 {
                    throw UsageError("unknown option `\(argument.drop { $0 == "-" })'")
                } else {
                    positional.append(argument)
                }
            }
        }
        let resolved = action ?? (positional.count >= 2 ? .set : .get)
        let expected: ClosedRange<Int>
        switch resolved {
        case .list: expected = 0...0
        case .get, .getAll, .unset, .unsetAll, .removeSection: expected = 1...1
        case .getRegexp: expected = 1...1
        case .set, .add, .replaceAll: expected = 2...2
        }
        if action == nil && positional.isEmpty { throw UsageError("no action specified; try 'pfad config --help'") }
        guard expected.contains(positional.count) else {
            let range = expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "from \(expected.lowerBound) to \(expected.upperBound)"
            io.error("wrong number of arguments, should be \(range)")
            throw CommandExit(129)
        }
        // Outside a repository only the local scope is missing; any other
        // failure (a broken config file) is reported, as git does.
        let gitDirectory: String?
        do {
            gitDirectory = try Repository.discover(from: io.currentDirectory).gitDirectory
        } catch RepositoryError.notARepository {
            gitDirectory = nil
        }
        let editor = ConfigEditor(gitDirectory: gitDirectory)
        let output = io.out
        do {
            switch resolved {
            case .get, .getAll:
                let values = try editor.values(positional[0], scope: scope)
                guard let last = values.last else { throw CommandExit(1) }
                for value in resolved == .get ? [last] : values {
                    output.line(try Self.show(value, key: positional[0], type: type, home: editor.home))
                }
            case .getRegexp:
                let pattern = try Self.regex(positional[0], io: io)
                var found = false
                for (key, value) in try editor.list(scope: scope) where pattern.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil {
                    found = true
                    guard let value else {
                        output.line(type == nil ? key : key + " " + (try Self.show(nil, key: key, type: type, home: editor.home)))
                        continue
                    }
                    output.line(key + " " + (try Self.show(Array(value.utf8), key: key, type: type, home: editor.home)))
                }
                if !found { throw CommandExit(1) }
            case .list:
                for (key, value) in try editor.list(scope: scope) {
                    output.line(value.map { key + "=" + $0 } ?? key)
                }
            case .set, .replaceAll:
                try editor.set(positional[0], positional[1], scope: scope ?? .local, replaceAll: resolved == .replaceAll)
            case .add:
                try editor.add(positional[0], positional[1], scope: scope ?? .local)
            case .unset, .unsetAll:
                try editor.unset(positional[0], scope: scope ?? .local, all: resolved == .unsetAll)
            case .removeSection:
                try editor.removeSection(positional[0], scope: scope ?? .local)
            }
        } catch let error as ConfigEditError {
            switch error {
            case .noSection, .invalidKey:
                io.error(error.description)
                throw CommandExit(1)
            case .multipleValues(let key):
                io.warning("\(key) has multiple values")
                if resolved == .set { io.error(error.description) }
                throw CommandExit(5)
            case .notSet:
                throw CommandExit(5)
            case .noSuchSection, .notInRepository, .localOutsideRepository, .noFile:
                throw FatalError(error.description)
            }
        }
    }

    /// A value as printed: raw (a value-less variable as an empty line) or
    /// in `type`'s canonical form.
    private static func show(_ value: [UInt8]?, key: String, type: ConfigType?, home: String?) throws -> String {
        guard let type else { return String(decoding: value ?? [], as: UTF8.self) }
        do {
            return try type.canonical(value, key: key, origin: "config", home: home)
        } catch StoreError.invalidConfigValue(_, let text, let kind, _) {
            // git names no file for booleans; for numbers pfad does not
            // track which file the value came from.
            throw FatalError("bad \(kind) config value '\(text)' for '\(key)'")
        }
    }

    private static func type(named name: String) throws -> ConfigType {
        guard let type = ConfigType(rawValue: name) else { throw UsageError("unrecognized --type argument, \(name)") }
        return type
    }

    /// `--get-regexp`'s pattern (extended regular expression, matched
    /// anywhere in the lower-cased key).
    private static func regex(_ pattern: String, io: CommandIO) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            io.error("invalid key pattern: \(pattern)")
            throw CommandExit(6)
        }
    }
}
