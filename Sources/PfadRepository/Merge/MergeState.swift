import Foundation
import PfadObjects
import PfadStore

/// The files in the git directory that describe a merge, cherry-pick or
/// revert in progress, as git writes them: `MERGE_HEAD` (one id per line),
/// `MERGE_MSG`, `MERGE_MODE`, `CHERRY_PICK_HEAD`, `REVERT_HEAD`,
/// `ORIG_HEAD`, `AUTO_MERGE`.
public struct MergeState: Sendable {
    /// The repository.
    public let repository: Repository

    /// Creates an accessor.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// The file names under the git directory.
    public enum File: String, Sendable, CaseIterable {
        /// The commits being merged, one id per line.
        case mergeHead = "MERGE_HEAD"
        /// The prepared commit message.
        case mergeMessage = "MERGE_MSG"
        /// `no-ff` or empty.
        case mergeMode = "MERGE_MODE"
        /// The commit being cherry-picked.
        case cherryPickHead = "CHERRY_PICK_HEAD"
        /// The commit being reverted.
        case revertHead = "REVERT_HEAD"
        /// HEAD before the last merge (kept after it).
        case origHead = "ORIG_HEAD"
        /// The tree of the conflicted merge result (markers included).
        case autoMerge = "AUTO_MERGE"
    }

    /// Full path of `file`.
    public func path(_ file: File) -> String { repository.gitDirectory + "/" + file.rawValue }

    /// The file's bytes, nil when absent.
    public func read(_ file: File) -> [UInt8]? {
        FileManager.default.contents(atPath: path(file)).map { Array($0) }
    }

    /// Writes the file atomically.
    public func write(_ file: File, _ bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, to: path(file))
    }

    /// Writes an object id followed by a newline.
    public func write(_ file: File, id: ObjectID) throws {
        try write(file, Array((id.hex + "\n").utf8))
    }

    /// Removes the file; absent is fine.
    public func remove(_ file: File) {
        _ = unlink(path(file))
    }

    /// The ids in `MERGE_HEAD` (empty when no merge is in progress).
    /// - Throws: `RepositoryError.other` for a line that is not an id.
    public func mergeHeads() throws -> [ObjectID] {
        try ids(in: .mergeHead)
    }

    /// The id in `CHERRY_PICK_HEAD` or `REVERT_HEAD`, nil when absent.
    public func singleHead(_ file: File) throws -> ObjectID? {
        try ids(in: file).first
    }

    private func ids(in file: File) throws -> [ObjectID] {
        guard let bytes = read(file) else { return [] }
        return try bytes.split(separator: 0x0A).map { line in
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let id = ObjectID(hex: text), id.algorithm == repository.algorithm else {
                throw RepositoryError.other("corrupt \(file.rawValue): '\(text)'")
            }
            return id
        }
    }

    /// Removes every file of a finished or aborted merge/cherry-pick/revert
    /// (`ORIG_HEAD` stays, as in git).
    public func clear() {
        for file in File.allCases where file != .origHead { remove(file) }
    }
}
