import ArgumentParser
import Foundation
import PfadDiff
import PfadRepository

/// `pfad apply [--check] [-R] [-p<n>] [<patch>...]`: applies git (or plain
/// unified) patches below the current folder through `PatchApplication`:
/// all or nothing, and never outside the folder, into `.git` or through a
/// symbolic link (git's "invalid path" and "beyond a symbolic link").
struct ApplyCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a patch to files.",
        discussion: "Options: --check, -R/--reverse, -p<n>. Reads standard input when no patch is named or for '-'."
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and patch files.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        var strip = 1
        var check = false
        var reverse = false
        var patchFiles: [String] = []
        for arg in arguments {
            switch arg {
            case "--check": check = true
            case "-R", "--reverse": reverse = true
            default:
                if arg.hasPrefix("-p"), let n = Int(arg.dropFirst(2)), n >= 0 {
                    strip = n
                } else if arg.hasPrefix("-") && arg != "-" {
                    throw UsageError("unknown option `\(arg)'")
                } else {
                    patchFiles.append(arg)
                }
            }
        }
        if patchFiles.isEmpty { patchFiles = ["-"] }
        var patches: [FilePatchText] = []
        for name in patchFiles {
            let text: [UInt8]
            if name == "-" {
                text = Array(FileHandle.standardInput.readDataToEndOfFile())
            } else {
                guard let data = FileManager.default.contents(atPath: io.absolute(name)) else {
                    throw FatalError("can't open patch '\(name)': No such file or directory")
                }
                text = Array(data)
            }
            do {
                patches += try PatchParser.parse(text, strip: strip)
            } catch let error as DiffError {
                throw FatalError("\(error)")
            }
        }
        if reverse { patches = patches.map(\.reversed) }
        let application = PatchApplication(root: io.currentDirectory)
        let changes: [PatchApplication.Change]
        do {
            changes = try application.plan(patches)
        } catch let error as PatchApplyError {
            io.error(error.description)
            if case .invalidPath = error { throw CommandExit(128) }
            throw CommandExit(1)
        } catch let error as DiffError {
            io.error(error.description)
            if case let .patchDoesNotApply(path, _, _) = error {
                io.error("\(String(decoding: path, as: UTF8.self)): patch does not apply")
            }
            throw CommandExit(1)
        }
        if check { return }
        try application.apply(changes)
    }
}
