import PfadObjects
import Testing
@testable import PfadTransport

/// The client's protocol messages, with expected bytes taken from git 2.39.
struct ClientProtocolTests {
    let main = ObjectID(hex: "aea30c4d4798995b979bb2b22e7ab4061e2ffb95")!
    let base = ObjectID(hex: "48b1ac90325adc0469b604d329de2eeda6ccc075")!
    let tag = ObjectID(hex: "e3c89ddadeeda5c38d5df208e48dc44a35714488")!

    @Test func v2FetchRequestMatchesGit() throws {
        // From `GIT_TRACE_PACKET=1 git fetch` (git 2.39.5, protocol v2), the
        // packets "fetch> ..." of the second round, framed as git writes them.
        let expected = "0012command=fetch\n0015agent=git/2.39.5\n0017object-format=sha1\n0001000ethin-pack\n"
            + "0010no-progress\n0010include-tag\n000eofs-delta\n0032want aea30c4d4798995b979bb2b22e7ab4061e2ffb95\n"
            + "0032want aea30c4d4798995b979bb2b22e7ab4061e2ffb95\n0032have 48b1ac90325adc0469b604d329de2eeda6ccc075\n0000"
        var request = FetchRequest(wants: [main, main], haves: [base], done: false)
        request.noProgress = true
        request.includeTag = true
        request.agent = "git/2.39.5"
        request.objectFormat = .sha1
        #expect(try request.encodedV2() == Array(expected.utf8))
    }

    @Test func lsRefsRequestMatchesGit() throws {
        // From `GIT_TRACE_PACKET=1 git fetch` (git 2.39.5): "fetch> command=ls-refs" … "fetch> 0000".
        let expected = "0014command=ls-refs\n0015agent=git/2.39.5\n0017object-format=sha1\n00010009peel\n000csymrefs\n"
            + "000bunborn\n001bref-prefix refs/heads/\n001fref-prefix refs/heads/main\n001aref-prefix refs/tags/\n0000"
        let bytes = try LsRefs.request(
            prefixes: ["refs/heads/", "refs/heads/main", "refs/tags/"], agent: "git/2.39.5", objectFormat: .sha1, unborn: true)
        #expect(bytes == Array(expected.utf8))
    }

    @Test func parsesLsRefsOutput() throws {
        let body = try encode([
            "48b1ac90325adc0469b604d329de2eeda6ccc075 HEAD symref-target:refs/heads/main\n",
            "48b1ac90325adc0469b604d329de2eeda6ccc075 refs/heads/main\n",
            "e3c89ddadeeda5c38d5df208e48dc44a35714488 refs/tags/v1 peeled:48b1ac90325adc0469b604d329de2eeda6ccc075\n",
        ]) + Array("0000".utf8)
        let refs = try LsRefs.parse(PktLineReader(BufferSource(body)))
        #expect(refs.count == 3)
        #expect(refs[0].symrefTarget == Array("refs/heads/main".utf8))
        #expect(refs[2].peeled == base)
        #expect(refs[2].id == tag)
    }

    @Test func parsesAcknowledgmentsAndPackfileSection() throws {
        // The answer git's upload-pack gave in the traced fetch: acknowledgments, ready, delimiter, packfile.
        let body = try encode(["acknowledgments\n", "ACK 48b1ac90325adc0469b604d329de2eeda6ccc075\n", "ready\n"])
            + Array("0001".utf8) + (try encode(["packfile\n"])) + (try Packet.data([1] + Array("PACK".utf8)).encoded()) + Array("0000".utf8)
        let reader = PktLineReader(BufferSource(body))
        #expect(try FetchResponse.read(from: reader) == .packfile(common: [base]))
        #expect(try SidebandReader(reader, progress: { _ in }).readAll() == Array("PACK".utf8))

        let notReady = try encode(["acknowledgments\n", "NAK\n"]) + Array("0000".utf8)
        #expect(try FetchResponse.read(from: PktLineReader(BufferSource(notReady))) == .acknowledgments(common: []))
        let error = try encode(["ERR upload-pack: not our ref\n"])
        #expect(throws: TransportError.remote("upload-pack: not our ref")) {
            try FetchResponse.read(from: PktLineReader(BufferSource(error)))
        }
    }

    @Test func parsesV0Advertisement() throws {
        // `git upload-pack --advertise-refs` of a test repository (git 2.39.5), shortened capability list.
        let first = "aea30c4d4798995b979bb2b22e7ab4061e2ffb95 HEAD\0multi_ack thin-pack side-band-64k ofs-delta "
            + "symref=HEAD:refs/heads/side object-format=sha1 agent=git/2.39.5\n"
        let body = try encode([first, "aea30c4d4798995b979bb2b22e7ab4061e2ffb95 refs/heads/side\n",
                               "e3c89ddadeeda5c38d5df208e48dc44a35714488 refs/tags/v1\n",
                               "48b1ac90325adc0469b604d329de2eeda6ccc075 refs/tags/v1^{}\n"]) + Array("0000".utf8)
        let advertisement = try ServerAdvertisement.read(from: PktLineReader(BufferSource(body)))
        #expect(advertisement.version == .v0)
        #expect(advertisement.has("side-band-64k"))
        #expect(!advertisement.has("side-band"))
        #expect(advertisement.refs.map(\.nameText) == ["HEAD", "refs/heads/side", "refs/tags/v1"])
        #expect(advertisement.refs[0].symrefTarget == Array("refs/heads/side".utf8))
        #expect(advertisement.refs[2].peeled == base)
        #expect(try advertisement.objectFormat() == .sha1)
    }

    @Test func parsesV2CapabilityAdvertisement() throws {
        // git 2.39.5's upload-pack with GIT_PROTOCOL=version=2.
        let body = try encode(["version 2\n", "agent=git/2.39.5\n", "ls-refs=unborn\n", "fetch=shallow wait-for-done\n",
                               "server-option\n", "object-format=sha1\n", "object-info\n"]) + Array("0000".utf8)
        let advertisement = try ServerAdvertisement.read(from: PktLineReader(BufferSource(body)))
        #expect(advertisement.version == .v2)
        #expect(advertisement.values("ls-refs") == ["unborn"])
        #expect(advertisement.has("agent"))
    }

    @Test func v0UploadRequestCarriesCapabilitiesOnTheFirstWant() throws {
        let advertisement = ServerAdvertisement(version: .v0, capabilities: ["multi_ack_detailed", "side-band-64k", "ofs-delta", "thin-pack"])
        var request = FetchRequest(wants: [main, main], haves: [base], done: true)
        request.includeTag = true  // not offered: left out
        let expected = "0067want aea30c4d4798995b979bb2b22e7ab4061e2ffb95 multi_ack_detailed side-band-64k thin-pack ofs-delta\n"
            + "0000" + "0032have 48b1ac90325adc0469b604d329de2eeda6ccc075\n0009done\n"
        #expect(try request.encodedV0(serverCapabilities: advertisement) == Array(expected.utf8))
        let answer = try encode(["ACK 48b1ac90325adc0469b604d329de2eeda6ccc075 common\n", "ACK 48b1ac90325adc0469b604d329de2eeda6ccc075\n"])
        #expect(try FetchResponse.readV0Acknowledgments(from: PktLineReader(BufferSource(answer))) == [base, base])
    }

    @Test func fetchHeadLinesMatchGit() {
        // `.git/FETCH_HEAD` written by git 2.39.5 after `git fetch` from /dev/shm/ctr/s2.git/.
        let url = "/dev/shm/ctr/s2.git/"
        #expect(FetchHeadEntry(id: main, remoteName: Array("refs/heads/side".utf8), forMerge: true).line(url: url)
            == Array("aea30c4d4798995b979bb2b22e7ab4061e2ffb95\t\tbranch 'side' of /dev/shm/ctr/s2\n".utf8))
        #expect(FetchHeadEntry(id: base, remoteName: Array("refs/heads/main".utf8), forMerge: false).line(url: url)
            == Array("48b1ac90325adc0469b604d329de2eeda6ccc075\tnot-for-merge\tbranch 'main' of /dev/shm/ctr/s2\n".utf8))
        #expect(FetchHeadEntry(id: tag, remoteName: Array("refs/tags/v1".utf8), forMerge: false).line(url: "/x/src")
            == Array("e3c89ddadeeda5c38d5df208e48dc44a35714488\tnot-for-merge\ttag 'v1' of /x/src\n".utf8))
    }

    @Test func refspecsMapRemoteRefsToTrackingRefs() throws {
        let refs = [AdvertisedRef(name: Array("HEAD".utf8), id: main, symrefTarget: Array("refs/heads/main".utf8)),
                    AdvertisedRef(name: Array("refs/heads/main".utf8), id: main),
                    AdvertisedRef(name: Array("refs/heads/side".utf8), id: base),
                    AdvertisedRef(name: Array("refs/tags/v1".utf8), id: tag)]
        let mapped = RefMapping.map(refs, through: [try Refspec(parsing: "+refs/heads/*:refs/remotes/origin/*"),
                                                    try Refspec(parsing: "^refs/heads/side")])
        #expect(mapped.map { $0.local.map { String(decoding: $0, as: UTF8.self) } } == ["refs/remotes/origin/main"])
        #expect(mapped.first?.force == true)
        let plain = RefMapping.map(refs, through: [try Refspec(parsing: "side:zz"), try Refspec(parsing: "v1")])
        #expect(plain.map(\.remote.nameText) == ["refs/heads/side", "refs/tags/v1"])
        #expect(plain.first?.local == Array("refs/heads/zz".utf8))
        #expect(plain.last?.local == nil)
    }

    @Test func fetchSummaryLinesMatchGit() {
        // git 2.39.5 `git fetch` output, pasted.
        let abbreviate: (ObjectID) -> String = { String($0.hex.prefix(7)) }
        let forced = FetchRefUpdate(remoteName: Array("refs/heads/main".utf8), localName: Array("refs/remotes/origin/main".utf8),
                                    old: main, new: base, kind: .forced)
        #expect(forced.summaryLine(width: 10, abbreviate: abbreviate) == " + aea30c4...48b1ac9 main       -> origin/main  (forced update)")
        let new = FetchRefUpdate(remoteName: Array("refs/heads/side".utf8), localName: Array("refs/remotes/origin/side".utf8),
                                 old: nil, new: main, kind: .newBranch)
        #expect(new.summaryLine(width: 10, abbreviate: abbreviate) == " * [new branch]      side       -> origin/side")
        let ff = FetchRefUpdate(remoteName: Array("refs/heads/main".utf8), localName: Array("refs/remotes/origin/main".utf8),
                                old: base, new: main, kind: .fastForward)
        #expect(ff.summaryLine(width: 10, abbreviate: abbreviate) == "   48b1ac9..aea30c4  main       -> origin/main")
        let rejected = FetchRefUpdate(remoteName: Array("refs/heads/main".utf8), localName: Array("refs/heads/zz".utf8),
                                      old: main, new: base, kind: .rejectedNonFastForward)
        #expect(rejected.summaryLine(width: 10, abbreviate: abbreviate) == " ! [rejected]        main       -> zz  (non-fast-forward)")
    }

    @Test func pushCommandsAndStatusReport() throws {
        var update = PushRefUpdate(sourceText: "main", remoteName: Array("refs/heads/main".utf8), old: base, new: main, force: false)
        #expect(update.commandLine(algorithm: .sha1)
            == Array("48b1ac90325adc0469b604d329de2eeda6ccc075 aea30c4d4798995b979bb2b22e7ab4061e2ffb95 refs/heads/main".utf8))
        let abbreviate: (ObjectID) -> String = { String($0.hex.prefix(7)) }
        // git 2.39.5 `git push` output lines, pasted.
        update.status = .rejectedNonFastForward
        #expect(update.summaryLine(fastForward: false, abbreviate: abbreviate) == " ! [rejected]        main -> main (non-fast-forward)")
        update.status = .ok
        #expect(update.summaryLine(fastForward: false, abbreviate: abbreviate) == " + 48b1ac9...aea30c4 main -> main (forced update)")
        let deletion = PushRefUpdate(sourceText: "", remoteName: Array("refs/heads/newb".utf8), old: main, new: nil, force: true)
        #expect(deletion.summaryLine(fastForward: false, abbreviate: abbreviate) == " - [deleted]         newb")
        let created = PushRefUpdate(sourceText: "HEAD", remoteName: Array("refs/heads/newb".utf8), old: nil, new: main, force: false)
        #expect(created.summaryLine(fastForward: false, abbreviate: abbreviate) == " * [new branch]      HEAD -> newb")

        let report = try encode(["unpack ok\n", "ok refs/heads/main\n", "ng refs/heads/x pre-receive hook declined\n"]) + Array("0000".utf8)
        let parsed = try ReportStatus.read(from: PktLineReader(BufferSource(report)))
        #expect(parsed.unpackError == nil)
        #expect(parsed.refs.count == 2)
        #expect(parsed.refs[1].error == "pre-receive hook declined")
        let failed = try encode(["unpack index-pack abnormal exit\n", "ng refs/heads/main unpacker error\n"]) + Array("0000".utf8)
        #expect(try ReportStatus.read(from: PktLineReader(BufferSource(failed))).unpackError == "index-pack abnormal exit")
    }

    private func encode(_ lines: [String]) throws -> [UInt8] {
        try lines.flatMap { try Packet.data(Array($0.utf8)).encoded() }
    }
}
