import Foundation
import PfadObjects
import Testing
@testable import PfadTransport

/// Pushes git 2.39.5 refuses with `receive.fsckObjects=true` (checked by
/// pushing the same objects into `git receive-pack`): links to objects of
/// the wrong type, a symlinked `.gitmodules`, hostile `.gitmodules`
/// contents — and pfad's own tree depth limit. Informational findings
/// (`.gitignore` as a symlink, an unparsable `.gitmodules`) do not refuse.
@Suite struct IncomingObjectsTests {
    static let accepted = ["unpack ok", "ok refs/heads/main"]

    func push(_ fixture: ReceiveFixture, _ objects: [ReceiveFixture.Object], tip: ReceiveFixture.Object) throws -> [String] {
        try fixture.push([(nil, tip.id, "refs/heads/main")], pack: fixture.pack(objects))
    }

    @Test func refusesLinksToObjectsOfTheWrongType() throws {
        let fixture = try ReceiveFixture()
        let blob = fixture.blob("kein Baum\n")
        let commit = fixture.commit(tree: blob.id)
        let before = try fixture.objectFiles()
        #expect(try push(fixture, [blob, commit], tip: commit) == [
            "unpack object \(commit.id.hex): object \(blob.id.hex) is a blob, not a tree", "ng refs/heads/main unpacker error",
        ])
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)

        // A parent that is a tree; a tag whose type header lies.
        let good = fixture.snapshot("Weg\n")
        let badParent = fixture.commit(tree: good[1].id, parents: [good[1].id])
        #expect(try push(fixture, good + [badParent], tip: badParent).first
            == "unpack object \(badParent.id.hex): object \(good[1].id.hex) is a tree, not a commit")
        let tag = fixture.object(.tag, Array("object \(good[2].id.hex)\ntype blob\ntag v1\ntagger A <a@b.c> 1 +0000\n\nm\n".utf8))
        #expect(try fixture.push([(nil, tag.id, "refs/tags/v1")], pack: fixture.pack(good + [tag])).first
            == "unpack object \(tag.id.hex): object \(good[2].id.hex) is a commit, not a blob")
    }

    @Test func refusesWrongTypesFoundInTheRepository() throws {
        let fixture = try ReceiveFixture()
        let blob = fixture.blob("schon da\n")
        try fixture.store([blob])
        // Only the tree and commit travel; the blob behind "40000" is in the repository.
        let tree = fixture.tree([("40000", "ordner", blob.id)])
        let commit = fixture.commit(tree: tree.id)
        #expect(try push(fixture, [tree, commit], tip: commit).first
            == "unpack object \(tree.id.hex): object \(blob.id.hex) is a blob, not a tree")
        let file = fixture.tree([("100644", "datei", tree.id)])
        try fixture.store([tree])
        let second = fixture.commit(tree: file.id)
        #expect(try push(fixture, [file, second], tip: second).first
            == "unpack object \(file.id.hex): object \(tree.id.hex) is a tree, not a blob")
        #expect(try fixture.refs().isEmpty)
    }

    @Test func refusesASymlinkedGitmodulesButNotASymlinkedGitignore() throws {
        let fixture = try ReceiveFixture()
        let target = fixture.blob("/etc/passwd")
        let modules = fixture.tree([("120000", "GITMOD~1", target.id)])
        let commit = fixture.commit(tree: modules.id)
        #expect(try push(fixture, [target, modules, commit], tip: commit)
            == ["unpack object \(modules.id.hex): gitmodulesSymlink: .gitmodules is a symbolic link", "ng refs/heads/main unpacker error"])
        let ignore = fixture.tree([("120000", ".gitignore", target.id)])
        let fine = fixture.commit(tree: ignore.id)
        #expect(try push(fixture, [target, ignore, fine], tip: fine) == Self.accepted)
    }

    @Test func refusesHostileGitmodules() throws {
        let fixture = try ReceiveFixture()
        let url = fixture.blob("[submodule \"x\"]\n\turl = --upload-pack=touch /tmp/pwn\n")
        let tree = fixture.tree([("100644", ".gitmodules", url.id)])
        let commit = fixture.commit(tree: tree.id)
        let before = try fixture.objectFiles()
        #expect(try push(fixture, [url, tree, commit], tip: commit) == [
            "unpack object \(url.id.hex): gitmodulesUrl: disallowed submodule url: --upload-pack=touch /tmp/pwn",
            "ng refs/heads/main unpacker error",
        ])
        #expect(try fixture.objectFiles() == before)

        // A thin push: the blob is already in the repository, only the tree naming it arrives.
        let path = fixture.blob("[submodule \"x\"]\n\tpath = -x\n")
        try fixture.store([path])
        let thin = fixture.tree([("100644", ".Gitmodules", path.id)])
        let thinCommit = fixture.commit(tree: thin.id)
        #expect(try push(fixture, [thin, thinCommit], tip: thinCommit).first
            == "unpack object \(path.id.hex): gitmodulesPath: disallowed submodule path: -x")

        // Not a blob at all.
        let inner = fixture.tree([("100644", "x", url.id)])
        let outer = fixture.tree([("40000", ".gitmodules", inner.id)])
        let treeCommit = fixture.commit(tree: outer.id)
        #expect(try push(fixture, [url, inner, outer, treeCommit], tip: treeCommit).first
            == "unpack object \(inner.id.hex): gitmodulesBlob: non-blob found at .gitmodules")

        // Unparsable is only informational.
        let broken = fixture.blob("[submodule \"x\"")
        let brokenTree = fixture.tree([("100644", ".gitmodules", broken.id)])
        let brokenCommit = fixture.commit(tree: brokenTree.id)
        #expect(try push(fixture, [broken, brokenTree, brokenCommit], tip: brokenCommit) == Self.accepted)
    }

    /// A chain of `levels` trees above one file; the outermost last.
    func chain(_ fixture: ReceiveFixture, levels: Int, above base: ReceiveFixture.Object? = nil) -> [ReceiveFixture.Object] {
        var objects: [ReceiveFixture.Object] = []
        var current: ReceiveFixture.Object
        if let base {
            current = base
        } else {
            let blob = fixture.blob("Blatt\n")
            current = fixture.tree([("100644", "blatt", blob.id)])
            objects = [blob, current]
        }
        for _ in 0..<levels {
            current = fixture.tree([("40000", "d", current.id)])
            objects.append(current)
        }
        return objects
    }

    @Test func refusesTreesNestedDeeperThanCoreMaxTreeDepth() throws {
        let fixture = try ReceiveFixture()
        let config = fixture.repository.gitDirectory + "/config"
        let text = try String(contentsOfFile: config, encoding: .utf8) + "[core]\n\tmaxTreeDepth = 3\n"
        try text.write(toFile: config, atomically: true, encoding: .utf8)

        let deep = chain(fixture, levels: 3)  // depth 4
        let deepCommit = fixture.commit(tree: deep[deep.count - 1].id)
        #expect(try push(fixture, deep + [deepCommit], tip: deepCommit) == [
            "unpack object \(deep[deep.count - 1].id.hex): treeTooDeep: tree nested more than 3 levels deep (core.maxTreeDepth)",
            "ng refs/heads/main unpacker error",
        ])
        let ok = Array(deep.dropLast())  // depth 3
        let okCommit = fixture.commit(tree: ok[ok.count - 1].id)
        #expect(try push(fixture, ok + [okCommit], tip: okCommit) == Self.accepted)
        // One more level on top of what the repository has: only the new tree travels.
        let wrapper = fixture.tree([("40000", "d", ok[ok.count - 1].id)])
        let wrapperCommit = fixture.commit(tree: wrapper.id, parents: [okCommit.id])
        #expect(try fixture.push([(okCommit.id, wrapperCommit.id, "refs/heads/main")], pack: fixture.pack([wrapper, wrapperCommit])).first
            == "unpack object \(wrapper.id.hex): treeTooDeep: tree nested more than 3 levels deep (core.maxTreeDepth)")
    }

    @Test func refusesTenThousandLevelsWithTheDefaultLimit() throws {
        let fixture = try ReceiveFixture()
        let deep = chain(fixture, levels: 10_000)
        let commit = fixture.commit(tree: deep[deep.count - 1].id)
        let report = try push(fixture, deep + [commit], tip: commit)
        #expect(report.first?.hasSuffix("treeTooDeep: tree nested more than 4096 levels deep (core.maxTreeDepth)") == true, "\(report)")
        #expect(try fixture.refs().isEmpty)
    }
}
