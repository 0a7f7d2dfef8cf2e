import Foundation
import PfadObjects
import Testing

@testable import PfadStore

/// `PackInstaller` moves finished files into place pack first, never leaves
/// an index without its pack, and cleans up after itself. The installer
/// does not look inside the files, so they hold marker bytes here.
@Suite struct PackInstallerTests {
    static let checksum = ObjectID(uncheckedBytes: (0..<20).map { UInt8($0 * 13 % 256) })
    static let packBytes = Array("PACK pretend pack".utf8)
    static let indexBytes = Array("pretend index".utf8)

    /// A scratch folder with `objects/pack`, and the names the pack gets there.
    private func setUp() throws -> (Scratch, PackInstaller, pack: String, index: String) {
        let scratch = try Scratch("pack-installer")
        let installer = PackInstaller(packDirectory: scratch.path + "/objects/pack")
        let name = "objects/pack/pack-" + Self.checksum.hex
        return (scratch, installer, name + ".pack", name + ".idx")
    }

    private func stageBoth(_ installer: PackInstaller) throws -> (pack: String, index: String) {
        (try installer.stage(Self.packBytes, prefix: "tmp_pack_"), try installer.stage(Self.indexBytes, prefix: "tmp_idx_"))
    }

    /// Mode bits of a file.
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func installsReadOnlyUnderTheChecksumName() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        let (packTemp, indexTemp) = try stageBoth(installer)
        let installed = try installer.install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: Self.checksum)
        #expect(installed.packPath == scratch.path + "/" + pack && installed.indexPath == scratch.path + "/" + index)
        #expect(!installed.keptExistingPack)
        #expect(scratch.read(pack) == Self.packBytes && scratch.read(index) == Self.indexBytes)
        #expect(scratch.list("objects/pack") == ["pack-\(Self.checksum.hex).idx", "pack-\(Self.checksum.hex).pack"])
        #expect(try mode(installed.packPath) == 0o444 && mode(installed.indexPath) == 0o444)
    }

    @Test func installingTwiceKeepsThePackAndLeavesNoTemporaries() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        let first = try stageBoth(installer)
        _ = try installer.install(temporaryPack: first.pack, temporaryIndex: first.index, checksum: Self.checksum)
        let inode = try FileManager.default.attributesOfItem(atPath: scratch.path + "/" + pack)[.systemFileNumber] as? NSNumber
        let second = try stageBoth(installer)
        let again = try installer.install(temporaryPack: second.pack, temporaryIndex: second.index, checksum: Self.checksum)
        #expect(again.keptExistingPack)
        let after = try FileManager.default.attributesOfItem(atPath: scratch.path + "/" + pack)[.systemFileNumber] as? NSNumber
        #expect(inode != nil && inode == after)
        #expect(scratch.read(pack) == Self.packBytes && scratch.read(index) == Self.indexBytes)
        #expect(scratch.list("objects/pack").count == 2)
    }

    @Test func anOrphanPackIsReplaced() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        try scratch.write(pack, Array("left over".utf8))
        let (packTemp, indexTemp) = try stageBoth(installer)
        let installed = try installer.install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: Self.checksum)
        #expect(!installed.keptExistingPack)
        #expect(scratch.read(pack) == Self.packBytes && scratch.read(index) == Self.indexBytes)
    }

    @Test func theIndexIsNeverMovedBeforeItsPack() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        // A non-empty folder where the pack should go: its rename fails.
        try scratch.write(pack + "/blocker", [1])
        let (packTemp, indexTemp) = try stageBoth(installer)
        #expect(throws: StoreError.self) {
            try installer.install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: Self.checksum)
        }
        #expect(!scratch.exists(index))
        #expect(scratch.list("objects/pack") == ["pack-\(Self.checksum.hex).pack"])
        #expect(scratch.list(pack) == ["blocker"])
    }

    @Test func aFailureAfterThePackLeavesNothingInstalled() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        // A non-empty folder where the index should go: the pack is moved,
        // the index rename fails, and the pack must go again.
        try scratch.write(index + "/blocker", [1])
        let (packTemp, indexTemp) = try stageBoth(installer)
        #expect(throws: StoreError.self) {
            try installer.install(temporaryPack: packTemp, temporaryIndex: indexTemp, checksum: Self.checksum)
        }
        #expect(!scratch.exists(pack))
        #expect(scratch.list("objects/pack") == ["pack-\(Self.checksum.hex).idx"])
    }

    @Test func aMissingTemporaryFileInstallsNothing() throws {
        let (scratch, installer, pack, index) = try setUp()
        defer { scratch.remove() }
        let packTemp = try installer.stage(Self.packBytes, prefix: "tmp_pack_")
        #expect(throws: StoreError.self) {
            try installer.install(
                temporaryPack: packTemp, temporaryIndex: scratch.path + "/objects/pack/tmp_idx_gone", checksum: Self.checksum)
        }
        #expect(!scratch.exists(pack) && !scratch.exists(index))
        #expect(scratch.list("objects/pack").isEmpty)
    }

    @Test func writtenPacksGoThroughTheInstaller() throws {
        let scratch = try Scratch("pack-installer")
        defer { scratch.remove() }
        let contents = (0..<3).map { Array("Hinweis \($0) für Attendorn\n".utf8) }
        let entries = contents.map { PackEntry(id: HashAlgorithm.sha1.objectID(type: .blob, content: $0), type: .blob, content: $0) }
        let installer = PackInstaller(packDirectory: scratch.path + "/objects/pack")
        let first = try installer.write(entries, order: [0, 1, 2], writer: PackWriter(algorithm: .sha1))
        let second = try installer.write(entries, order: [0, 1, 2], writer: PackWriter(algorithm: .sha1))
        #expect(first.packPath == second.packPath)
        let name = "pack-\(first.pack.checksum.hex)"
        #expect(scratch.list("objects/pack") == [name + ".idx", name + ".pack"])
        let pack = try #require(try PackFile(path: first.packPath, algorithm: .sha1))
        #expect(pack.objectCount == 3 && pack.verifyChecksum())
    }
}
