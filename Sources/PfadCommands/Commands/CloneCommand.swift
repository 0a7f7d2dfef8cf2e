import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadTransport

/// `pfad clone [--bare] [--no-checkout] [-b <branch>] [-o <name>] <repository> [<directory>]`
/// (`Documentation/git-clone.txt`).
struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone", abstract: "Clone a repository into a new directory.",
        usage: "pfad clone [<options>] [--] <repo> [<dir>]")

    @Flag(name: .customLong("bare"), help: "Create a bare repository.")
    var bare = false
    @Flag(name: [.customShort("n"), .customLong("no-checkout")], help: "Do not check out HEAD.")
    var noCheckout = false
    @Option(name: [.customShort("b"), .customLong("branch")], help: "Check out this branch instead of the remote's HEAD.")
    var branch: String?
    @Option(name: [.customShort("o"), .customLong("origin")], help: "Name of the remote (default origin).")
    var origin: String?
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Be quiet.")
    var quiet = false
    @Flag(name: .customLong("progress"), help: "Show progress even when standard error is not a terminal.")
    var progress = false
    @Flag(name: .customLong("no-local"), help: "Always use the transport (pfad never hard-links objects).")
    var noLocal = false
    @Option(name: [.customShort("u"), .customLong("upload-pack")], help: "Program to run on the remote side.")
    var uploadPack: String?
    @Argument(help: "The repository to clone.")
    var source: String
    @Argument(help: "The new directory.")
    var directory: String?

    func run() throws {
        let location = try RemoteTarget.location(source)
        var url = source
        if case .local(let path) = location {
            guard FileManager.default.fileExists(atPath: path) else { throw FatalError("repository '\(source)' does not exist") }
            if !source.lowercased().hasPrefix("file://") { url = Self.absolute(path) }
        }
        let name = directory ?? Self.humanish(source, bare: bare)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fm.fileExists(atPath: name, isDirectory: &isDirectory)
        if existed {
            let empty = isDirectory.boolValue && ((try? fm.contentsOfDirectory(atPath: name))?.isEmpty ?? false)
            guard empty else { throw FatalError("destination path '\(name)' already exists and is not an empty directory.") }
        }
        if !quiet {
            FileHandle.standardError.write(Data((bare ? "Cloning into bare repository '\(name)'...\n" : "Cloning into '\(name)'...\n").utf8))
        }
        let settings = try ConfigStack.load(gitDirectory: nil)
        let target = RemoteTarget(remote: nil, url: url, location: location)
        var created = false
        do {
            let session = try FetchRunner.session(target, settings: settings, program: uploadPack)
            let algorithm = try session.objectFormat()
            let (repository, _) = try Repository.initialize(at: name, bare: bare, algorithm: algorithm)
            created = true
            var options = CloneOperation.Options(url: url)
            options.origin = origin ?? settings.get("clone.defaultremotename") ?? "origin"
            options.branch = branch
            options.noCheckout = noCheckout
            options.quiet = quiet || !(progress || FetchRunner.showsProgress)
            let result = try FetchRunner.withProgress(showing: !options.quiet) { remote, receiving in
                try CloneOperation(repository, options: options).run(session: session, progress: remote, receiving: receiving)
            }
            try session.finish()
            try session.connection.close()
            if result.empty {
                Diagnostics.warning("You appear to have cloned an empty repository.")
            }
        } catch {
            if created || !existed {
                try? fm.removeItem(atPath: existed ? name + (bare ? "" : "/.git") : name)
                if existed, let contents = try? fm.contentsOfDirectory(atPath: name) {
                    for entry in contents { try? fm.removeItem(atPath: name + "/" + entry) }
                }
            }
            throw FetchRunner.fatal(error)
        }
    }

    /// The directory git derives from a URL: the last path component
    /// without `/.git`, `.git` and trailing slashes (`.git` added for bare).
    static func humanish(_ source: String, bare: Bool) -> String {
        var text = Substring(source)
        while text.hasSuffix("/") { text = text.dropLast() }
        if text.hasSuffix("/.git") { text = text.dropLast(5) }
        while text.hasSuffix("/") { text = text.dropLast() }
        if text.hasSuffix(".git") { text = text.dropLast(4) }
        var name = String(text.split(separator: "/").last ?? text)
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        return bare ? name + ".git" : name
    }

    /// `path` made absolute against the current directory, `.`/`..` resolved.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
