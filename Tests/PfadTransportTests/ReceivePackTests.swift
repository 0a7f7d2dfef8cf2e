import Foundation
import PfadObjects
import PfadStore
import Testing
@testable import PfadTransport

/// `ReceivePack` on hand-built requests. Expected report lines follow
/// `Documentation/gitprotocol-pack.txt` ("Report Status") and the reasons
/// git 2.39's receive-pack gives (checked by hand with real git:
/// `unpacker error`, `non-fast-forward`, `deletion prohibited`,
/// `funny refname`, `atomic push failure`, `missing necessary objects`).
@Suite(.serialized) struct ReceivePackTests {
    @Test func advertisesCapabilitiesOnEmptyAndFilledRepositories() throws {
        let fixture = try ReceiveFixture()
        let sink = BufferSink()
        try ReceivePack(repository: fixture.repository, version: .v0, stateless: false, policy: ReceivePolicy()).advertise(to: sink)
        // git receive-pack --advertise-refs on an empty bare repository, git 2.39.5 (agent differs).
        let expectedCaps = "report-status report-status-v2 delete-refs side-band-64k quiet atomic ofs-delta object-format=sha1 agent=pfad/0.1"
        let first = String(repeating: "0", count: 40) + " capabilities^{}\u{0}" + expectedCaps + "\n"
        #expect(String(decoding: sink.bytes, as: UTF8.self) == String(format: "%04x", first.utf8.count + 4) + first + "0000")

        let objects = fixture.snapshot("Ruhrtalradweg\n")
        try fixture.store(objects)
        try fixture.setRef("refs/heads/main", objects[2].id)
        let v1 = BufferSink()
        try ReceivePack(repository: try fixture.reopened(), version: .v1, stateless: false, policy: ReceivePolicy()).advertise(to: v1)
        let reader = PktLineReader(BufferSource(v1.bytes))
        #expect(try reader.next().text == "version 1")
        #expect(try reader.next().line == Array("\(objects[2].id.hex) refs/heads/main".utf8) + [0] + Array(expectedCaps.utf8))
        #expect(try reader.next() == .flush)
    }

    @Test func parsesCommandsAndCapabilities() throws {
        let fixture = try ReceiveFixture()
        let id = fixture.blob("x").id
        let body = try fixture.request([(nil, id, "refs/heads/a"), (id, nil, "refs/tags/b")], capabilities: "report-status atomic agent=git/2.39", pack: nil)
        let request = try #require(try ReceiveRequest.read(from: PktLineReader(BufferSource(body)), algorithm: .sha1))
        #expect(request.commands.count == 2)
        #expect(request.commands[0].isCreate && request.commands[1].isDelete)
        #expect(request.has("atomic") && request.has("agent") && !request.has("quiet"))
        #expect(!request.expectsPack == false)
        #expect(try ReceiveRequest.read(from: PktLineReader(BufferSource(Array("0000".utf8))), algorithm: .sha1) == nil)
        #expect(throws: TransportError.self) {
            try ReceiveRequest.read(from: PktLineReader(BufferSource(Array("000dbad line\n0000".utf8))), algorithm: .sha1)
        }
    }

    @Test func acceptsANewBranchAndStoresThePack() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Sauerland-Höhenflug\n")
        let report = try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: fixture.pack(objects))
        #expect(report == ["unpack ok", "ok refs/heads/main"])
        #expect(try fixture.refs() == ["refs/heads/main": objects[2].id.hex])
        let repository = try fixture.reopened()
        for object in objects { #expect(repository.objects.contains(object.id)) }
        #expect(try fixture.objectFiles().contains { $0.hasPrefix("incoming-") } == false)
        #expect(try fixture.objectFiles().contains { $0.hasSuffix(".idx") })
    }

    @Test func reportsOverSideBand() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Rothaarsteig\n")
        let handler = ReceivePack(repository: fixture.repository, version: .v0, stateless: true, policy: ReceivePolicy())
        let sink = BufferSink()
        let body = try fixture.request([(nil, objects[2].id, "refs/heads/main")], capabilities: "report-status side-band-64k quiet", pack: fixture.pack(objects))
        try handler.respond(to: BufferSource(body), into: sink)
        let inner = try SidebandReader(PktLineReader(BufferSource(sink.bytes)), progress: { _ in }).readAll()
        #expect(String(decoding: inner, as: UTF8.self) == "000eunpack ok\n0017ok refs/heads/main\n0000")
    }

    @Test func refusesNonFastForwardWhenDenied() throws {
        let fixture = try ReceiveFixture()
        let first = fixture.snapshot("eins\n")
        let other = fixture.snapshot("zwei\n", time: 1_700_000_100)
        try fixture.store(first)
        try fixture.setRef("refs/heads/main", first[2].id)
        var policy = ReceivePolicy()
        policy.allowNonFastForward = false
        let before = try fixture.objectFiles()
        let report = try fixture.push([(first[2].id, other[2].id, "refs/heads/main")], pack: fixture.pack(other), policy: policy)
        #expect(report == ["unpack ok", "ng refs/heads/main non-fast-forward"])
        #expect(try fixture.refs() == ["refs/heads/main": first[2].id.hex])
        #expect(try fixture.objectFiles() == before)

        // A fast-forward goes through under the same policy.
        let child = fixture.snapshot("drei\n", parents: [first[2].id], time: 1_700_000_200)
        #expect(try fixture.push([(first[2].id, child[2].id, "refs/heads/main")], pack: fixture.pack(child), policy: policy)
            == ["unpack ok", "ok refs/heads/main"])
    }

    @Test func refusesStaleOldValuesBadNamesAndForbiddenRefs() throws {
        let fixture = try ReceiveFixture()
        let first = fixture.snapshot("eins\n")
        try fixture.store(first)
        try fixture.setRef("refs/heads/main", first[2].id)
        let next = fixture.snapshot("zwei\n", parents: [first[2].id])
        var policy = ReceivePolicy()
        policy.mayUpdate = { $0.starts(with: Array("refs/heads/olpe/".utf8)) }
        let report = try fixture.push(
            [(nil, next[2].id, "refs/heads/olpe/x"), (fixture.blob("y").id, next[2].id, "refs/heads/olpe/y"),
             (nil, next[2].id, "refs/heads/arnsberg/x"), (nil, next[2].id, "refs/heads/bad..name"), (nil, next[2].id, "HEAD")],
            pack: fixture.pack(next), policy: policy)
        #expect(report == [
            "unpack ok", "ok refs/heads/olpe/x", "ng refs/heads/olpe/y stale info", "ng refs/heads/arnsberg/x permission denied",
            "ng refs/heads/bad..name funny refname", "ng HEAD funny refname",
        ])
        #expect(try fixture.refs() == ["refs/heads/main": first[2].id.hex, "refs/heads/olpe/x": next[2].id.hex])
    }

    @Test func atomicPushIsAllOrNothing() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Atomar\n")
        let before = try fixture.objectFiles()
        let report = try fixture.push(
            [(nil, objects[2].id, "refs/heads/a"), (nil, objects[2].id, "refs/heads/b"), (nil, objects[2].id, "refs/heads/c..d")],
            capabilities: "report-status atomic", pack: fixture.pack(objects))
        #expect(report == [
            "unpack ok", "ng refs/heads/a atomic push failure", "ng refs/heads/b atomic push failure", "ng refs/heads/c..d funny refname",
        ])
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)
        // Without `atomic` the good refs are updated.
        let plain = try fixture.push(
            [(nil, objects[2].id, "refs/heads/a"), (nil, objects[2].id, "refs/heads/c..d")], pack: fixture.pack(objects))
        #expect(plain == ["unpack ok", "ok refs/heads/a", "ng refs/heads/c..d funny refname"])
    }

    @Test func atomicUpdateRollsBackWhenALockIsHeld() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Sperre\n")
        try fixture.store(objects)
        let lock = fixture.repository.gitDirectory + "/refs/heads/b.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        let report = try fixture.push(
            [(nil, objects[2].id, "refs/heads/a"), (nil, objects[2].id, "refs/heads/b")], capabilities: "report-status atomic",
            pack: fixture.pack([]))
        #expect(report == ["unpack ok", "ng refs/heads/a atomic push failure", "ng refs/heads/b failed to lock"])
        #expect(try fixture.refs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.repository.gitDirectory + "/refs/heads/a.lock"))
    }

    @Test func deletesUnlessDenied() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("weg\n")
        try fixture.store(objects)
        try fixture.setRef("refs/heads/alt", objects[2].id)
        var deny = ReceivePolicy()
        deny.allowDeletes = false
        #expect(try fixture.push([(objects[2].id, nil, "refs/heads/alt")], pack: nil, policy: deny)
            == ["unpack ok", "ng refs/heads/alt deletion prohibited"])
        #expect(try fixture.refs() == ["refs/heads/alt": objects[2].id.hex])
        #expect(try fixture.push([(objects[2].id, nil, "refs/heads/alt")], pack: nil) == ["unpack ok", "ok refs/heads/alt"])
        #expect(try fixture.refs().isEmpty)
    }

    @Test func deletesAndUpdatesPackedRefs() throws {
        let fixture = try ReceiveFixture()
        let one = fixture.snapshot("eins\n")
        let two = fixture.snapshot("zwei\n", parents: [one[2].id])
        try fixture.store(one + two)
        let packed = "# pack-refs with: peeled fully-peeled sorted \n\(one[2].id.hex) refs/heads/a\n\(one[2].id.hex) refs/heads/b\n"
        try Data(packed.utf8).write(to: URL(fileURLWithPath: fixture.repository.gitDirectory + "/packed-refs"))
        let report = try fixture.push(
            [(one[2].id, nil, "refs/heads/a"), (one[2].id, two[2].id, "refs/heads/b")], capabilities: "report-status atomic", pack: fixture.pack([]))
        #expect(report == ["unpack ok", "ok refs/heads/a", "ok refs/heads/b"])
        #expect(try fixture.refs() == ["refs/heads/b": two[2].id.hex])
        let rewritten = try String(contentsOfFile: fixture.repository.gitDirectory + "/packed-refs", encoding: .utf8)
        #expect(!rewritten.contains("refs/heads/a"))
    }

    @Test func refusesLimitsBeforeStoringAnything() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot(String(repeating: "Kilometer ", count: 400))
        let before = try fixture.objectFiles()
        var small = ReceivePolicy()
        small.maximumPackBytes = 100
        #expect(try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: fixture.pack(objects), policy: small)
            == ["unpack pack exceeds maximum allowed size (100 bytes)", "ng refs/heads/main unpacker error"])
        var few = ReceivePolicy()
        few.maximumObjects = 2
        #expect(try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: fixture.pack(objects), policy: few)
            == ["unpack pack has 3 objects, more than the allowed 2", "ng refs/heads/main unpacker error"])
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)
    }

    @Test func refusesCorruptPacks() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("kaputt\n")
        var pack = fixture.pack(objects)
        pack[pack.count - 1] ^= 0xFF  // checksum
        let before = try fixture.objectFiles()
        let report = try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: pack)
        #expect(report.first?.hasPrefix("unpack index-pack failed: pack checksum mismatch") == true)
        #expect(report.last == "ng refs/heads/main unpacker error")
        var garbage = fixture.pack(objects)
        garbage[20] ^= 0x55  // inside the first zlib stream
        let second = try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: garbage)
        #expect(second.first?.hasPrefix("unpack ") == true && second.first != "unpack ok")
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)
    }

    @Test func refusesObjectsFailingFsck() throws {
        let fixture = try ReceiveFixture()
        let blob = fixture.blob("[core]\n")
        let tree = fixture.tree([("100644", ".git", blob.id)])
        let commit = fixture.commit(tree: tree.id)
        let before = try fixture.objectFiles()
        let report = try fixture.push([(nil, commit.id, "refs/heads/main")], pack: fixture.pack([blob, tree, commit]))
        // git 2.39 with receive.fsckObjects: "error: object <id>: hasDotgit: contains '.git'".
        #expect(report == ["unpack object \(tree.id.hex): hasDotgit: contains '.git'", "ng refs/heads/main unpacker error"])
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)

        let clean = fixture.tree([("100644", "weg.txt", blob.id)])
        let badDate = fixture.object(.commit, Array("tree \(clean.id.hex)\nauthor A <a@b> x +0000\ncommitter A <a@b> 1 +0000\n\nm\n".utf8))
        let second = try fixture.push([(nil, badDate.id, "refs/heads/main")], pack: fixture.pack([blob, clean, badDate]))
        #expect(second.first?.hasPrefix("unpack object \(badDate.id.hex): bad") == true, "\(second)")
        // With checks off, the same pack is taken.
        var lax = ReceivePolicy()
        lax.checkObjects = false
        #expect(try fixture.push([(nil, commit.id, "refs/heads/main")], pack: fixture.pack([blob, tree, commit]), policy: lax)
            == ["unpack ok", "ok refs/heads/main"])
    }

    @Test func refusesMissingObjects() throws {
        let fixture = try ReceiveFixture()
        let objects = fixture.snapshot("Lücke\n")
        let before = try fixture.objectFiles()
        // The commit and tree without the blob.
        let report = try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: fixture.pack([objects[1], objects[2]]))
        #expect(report == ["unpack ok", "ng refs/heads/main missing necessary objects"])
        // A tip that is nowhere.
        let ghost = fixture.blob("ghost").id
        #expect(try fixture.push([(nil, ghost, "refs/tags/ghost")], pack: fixture.pack([])) == ["unpack ok", "ng refs/tags/ghost bad pack"])
        // A blob on a branch.
        #expect(try fixture.push([(nil, objects[0].id, "refs/heads/blob")], pack: fixture.pack([objects[0]]))
            == ["unpack ok", "ng refs/heads/blob non-commit object"])
        #expect(try fixture.refs().isEmpty)
        #expect(try fixture.objectFiles() == before)
    }

    @Test func worksWithSHA256() throws {
        let fixture = try ReceiveFixture(algorithm: .sha256)
        let objects = fixture.snapshot("Soest\n")
        #expect(try fixture.push([(nil, objects[2].id, "refs/heads/main")], pack: fixture.pack(objects)) == ["unpack ok", "ok refs/heads/main"])
        #expect(try fixture.refs() == ["refs/heads/main": objects[2].id.hex])
    }
}
