import ArgumentParser
import Foundation
import PfadDiff

/// `pfad apply [--check] [-R] [-p<n>] [<patch>...]`: applies git (or plain
/// unified) patches to the work tree. All files are patched in memory
/// first; if any hunk does not apply, nothing is changed and the command
/// fails, as `git apply` does.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a patch to files.",
        discussion: "Options: --check, -R/--reverse, -p<n>. Reads standard input when no patch is named or for '-'."
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and patch files.")
    var arguments: [String] = []

    /// A computed change to the file system.
    enum Change {
        case write(path: String, content: [UInt8], mode: UInt32?)
        case remove(path: String)
    }

    func run() throws {
        if HelpRequest.handle(arguments, for: Self.self) { return }
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
                guard let data = FileManager.default.contents(atPath: name) else {
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
        let changes: [Change]
        do {
            changes = try plan(patches)
        } catch let error as DiffError {
            Diagnostics.error(error.description)
            if case let .patchDoesNotApply(path, _, _) = error {
                Diagnostics.error("\(String(decoding: path, as: UTF8.self)): patch does not apply")
            }
            throw CommandExit(1)
        }
        if check { return }
        for change in changes {
            switch change {
            case let .write(path, content, mode):
                let url = URL(fileURLWithPath: path)
                try? FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: path, contents: Data(content)) else {
                    throw FatalError("unable to write file '\(path)'")
                }
                if let mode { chmod(path, mode == 0o100755 ? 0o755 : 0o644) }
            case let .remove(path):
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// Computes every file's new state without touching the disk.
    private func plan(_ patches: [FilePatchText]) throws -> [Change] {
        var changes: [Change] = []
        var pending: [String: [UInt8]] = [:]  // results of earlier patches to the same path
        for patch in patches {
            if patch.isBinary {
                throw DiffError.patchTargetMismatch(
                    path: patch.newPath ?? patch.oldPath ?? [], reason: "binary patches are not supported")
            }
            let oldPath = patch.oldPath.map { String(decoding: $0, as: UTF8.self) }
            let newPath = patch.newPath.map { String(decoding: $0, as: UTF8.self) }
            var original: [UInt8] = []
            if let oldPath {
                if let earlier = pending[oldPath] {
                    original = earlier
                } else if let data = FileManager.default.contents(atPath: oldPath) {
                    original = Array(data)
                } else {
                    throw DiffError.patchTargetMismatch(path: Array(oldPath.utf8), reason: "No such file or directory")
                }
            } else if let newPath, FileManager.default.fileExists(atPath: newPath) {
                throw DiffError.patchTargetMismatch(path: Array(newPath.utf8), reason: "already exists in working directory")
            }
            let result = try PatchApplier.apply(patch, to: original, path: patch.oldPath ?? patch.newPath ?? [])
            if let newPath {
                let mode = patch.newMode ?? (oldPath.flatMap { currentMode($0) })
                changes.append(.write(path: newPath, content: result, mode: mode))
                pending[newPath] = result
                if let oldPath, oldPath != newPath, patch.oldPath != nil, isRename(patch) {
                    changes.append(.remove(path: oldPath))
                }
            } else if let oldPath {
                changes.append(.remove(path: oldPath))
            }
        }
        return changes
    }

    private func isRename(_ patch: FilePatchText) -> Bool {
        // A patch with different old and new names moves the file, unless it is a copy.
        patch.oldPath != patch.newPath && !patch.isCopy
    }

    private func currentMode(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & 0o100) != 0 ? 0o100755 : 0o100644
    }
}
