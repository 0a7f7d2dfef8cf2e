import Testing
@testable import PfadObjects

@Suite struct FileModeTests {
    @Test func constantsHaveGitsValues() {
        #expect(FileMode.regular.rawValue == 0o100644)
        #expect(FileMode.executable.rawValue == 0o100755)
        #expect(FileMode.symlink.rawValue == 0o120000)
        #expect(FileMode.gitlink.rawValue == 0o160000)
        #expect(FileMode.directory.rawValue == 0o040000)
    }

    @Test func octalAsWrittenInTrees() {
        // Trees store "40000" for directories (see the tree bytes in GitSamples.tree1).
        #expect(text(FileMode.directory.octalBytes) == "40000")
        #expect(text(FileMode.regular.octalBytes) == "100644")
        #expect(text(FileMode.symlink.octalBytes) == "120000")
    }

    @Test func paddedOctalAsLsTreePrintsIt() {
        // `git ls-tree` prints "040000 tree ..." (seen in git cat-file -p output).
        #expect(FileMode.directory.paddedOctal == "040000")
        #expect(FileMode.executable.paddedOctal == "100755")
    }

    @Test func parsesOctalBytes() {
        #expect(FileMode(octalBytes: bytes("100644")) == .regular)
        #expect(FileMode(octalBytes: bytes("40000")) == .directory)
        #expect(FileMode(octalBytes: bytes("040000")) == .directory)
        #expect(FileMode(octalBytes: bytes("")) == nil)
        #expect(FileMode(octalBytes: bytes("100648")) == nil)
        #expect(FileMode(octalBytes: bytes("1006a4")) == nil)
        #expect(FileMode(octalBytes: bytes("777777777777")) == nil)
    }

    @Test func objectTypes() {
        #expect(FileMode.regular.objectType == .blob)
        #expect(FileMode.symlink.objectType == .blob)
        #expect(FileMode.directory.objectType == .tree)
        #expect(FileMode.gitlink.objectType == .commit)
    }

    @Test func canonicalModes() {
        #expect(FileMode.groupWritable.canonical == .regular)
        #expect(FileMode(rawValue: 0o100775).canonical == .executable)
        #expect(FileMode.directory.canonical == .directory)
    }
}
