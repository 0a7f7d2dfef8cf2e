import Foundation
import Testing

@testable import PfadRepository

/// Scratch folders under /dev/shm for the file-system tests of this target.
enum ScratchDirectory {
    static func make(prefix: String = "pfad-index") throws -> String {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `relative` (with parent folders) under `root` holding `content`.
    static func write(_ root: String, _ relative: String, _ content: String = "x\n") throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
}
