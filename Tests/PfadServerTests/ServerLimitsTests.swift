import Foundation
import PfadHTTPClient
import PfadTransport
import Testing
@testable import PfadServer

/// `pfad serve` on the open internet: slow clients are cut off, refused
/// bodies end the connection, one address cannot take every connection,
/// and password guessing is throttled.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ServerLimitsTests {
    static let advertisement = "GET /katalog.git/info/refs?service=git-upload-pack HTTP/1.1\r\nHost: x\r\n\r\n"

    @Test func aSlowClientIsCutOffWhileOthersAreServed() async throws {
        try await LiveServer.run(configure: { $0.headerTimeout = .seconds(1) }) { port in
            let slow = try RawClient(port: port)
            let start = Date()
            // One byte every 100 ms: the head would take seconds to arrive.
            var cutOff = false
            for byte in Self.advertisement {
                if !slow.send(String(byte)) {
                    cutOff = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.1)
                if Date().timeIntervalSince(start) > 2.5 { break }
            }
            let (closed, received) = slow.readUntilClosed()
            #expect(cutOff || closed, "the slow connection must be closed")
            #expect(received.isEmpty, "no answer to a half-sent request")
            #expect(Date().timeIntervalSince(start) < 8)
            // Meanwhile and afterwards others are served.
            let connection = try HTTPConnection(url: "http://127.0.0.1:\(port)/katalog.git", service: .uploadPack, version: .v2, environment: [:])
            #expect(try connection.advertisement().next().text == "hello katalog.git")
        }
    }

    @Test func aRefusedBodyEndsTheConnection() async throws {
        try await LiveServer.run(configure: { $0.maximumUploadBody = 1000 }) { port in
            let client = try RawClient(port: port)
            client.send("POST /katalog.git/git-upload-pack HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-git-upload-pack-request\r\nContent-Length: 100000\r\n\r\n")
            client.send(String(repeating: "0", count: 2000))
            let (closed, received) = client.readUntilClosed()
            #expect(received.hasPrefix("HTTP/1.1 413"), "\(received)")
            #expect(received.lowercased().contains("connection: close"))
            #expect(closed, "the server must close the connection after a 413")
        }
    }

    @Test func oneAddressCannotHoldEveryConnection() async throws {
        try await LiveServer.run(configure: { $0.maximumConnectionsPerAddress = 3; $0.headerTimeout = .seconds(30) }) { port in
            let held = try (0..<3).map { _ in try RawClient(port: port) }
            for client in held { client.send("GET /") }  // half-sent requests
            Thread.sleep(forTimeInterval: 0.3)
            let extra = try RawClient(port: port, timeout: 5)
            extra.send(Self.advertisement)
            let (closed, received) = extra.readUntilClosed()
            #expect(closed && received.isEmpty, "the fourth connection must be closed at once: \(received)")
            _ = held.count
        }
    }

    @Test func failedLoginsLockTheUserEvenForTheRightPassword() async throws {
        try await LiveServer.run(configure: { $0.freeLoginAttempts = 3 }) { port in
            func push(_ password: String) throws -> String {
                let client = try RawClient(port: port)
                let credentials = Data("olpe:\(password)".utf8).base64EncodedString()
                client.send("GET /katalog.git/info/refs?service=git-receive-pack HTTP/1.1\r\nHost: x\r\nAuthorization: Basic \(credentials)\r\nConnection: close\r\n\r\n")
                return client.readUntilClosed().received
            }
            #expect(try push("geheim").hasPrefix("HTTP/1.1 200"))
            for _ in 0..<3 { #expect(try push("falsch").hasPrefix("HTTP/1.1 401")) }
            let locked = try push("geheim")
            #expect(locked.hasPrefix("HTTP/1.1 429"), "\(locked)")
            #expect(locked.lowercased().contains("retry-after: 1"))
        }
    }
}

/// The back-off rule of `LoginThrottle`, on a clock the test moves.
@Suite struct LoginThrottleTests {
    final class FakeClock: @unchecked Sendable {
        var now: Double = 1000
    }

    @Test func locksAfterTheFreeAttemptsAndDoublesTheWait() {
        let clock = FakeClock()
        let throttle = LoginThrottle(policy: .init(freeAttempts: 2, baseDelay: 1, maximumDelay: 8)) { clock.now }
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == nil)
        #expect(throttle.retryAfter(user: "olpe", address: "10.0.0.1") == nil)
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == 1)
        #expect(throttle.retryAfter(user: "olpe", address: "10.0.0.1") == 1)
        // Another address guessing the same user is locked too, and so is the address for other users.
        #expect(throttle.retryAfter(user: "olpe", address: "10.0.0.2") == 1)
        #expect(throttle.retryAfter(user: "soest", address: "10.0.0.1") == 1)
        #expect(throttle.retryAfter(user: "soest", address: "10.0.0.2") == nil)
        clock.now += 1
        #expect(throttle.retryAfter(user: "olpe", address: "10.0.0.1") == nil)
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == 2)
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == 4)
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == 8)
        #expect(throttle.failed(user: "olpe", address: "10.0.0.1") == 8)  // capped
        throttle.succeeded(user: "olpe", address: "10.0.0.1")
        #expect(throttle.retryAfter(user: "olpe", address: "10.0.0.1") == nil)
    }

    @Test func forgetsTheOldestUnlockedKeysBeyondItsCapacity() {
        let clock = FakeClock()
        let throttle = LoginThrottle(policy: .init(freeAttempts: 1, baseDelay: 1, maximumDelay: 1, capacity: 4)) { clock.now }
        throttle.failed(user: "a", address: nil)
        clock.now += 10
        for name in ["b", "c", "d", "e"] { throttle.failed(user: name, address: nil) }
        #expect(throttle.retryAfter(user: "e", address: nil) == 1)
        #expect(throttle.retryAfter(user: "b", address: nil) == 1)
    }

    /// Unknown names are checked against a hash of the same cost as the
    /// users' own, so both cost the same bcrypt work.
    @Test func unknownUsersCostTheSameWorkAsKnownOnes() throws {
        let hash = UsersFile.hash(password: "geheim", cost: 6)
        let users = try UsersFile(text: "olpe \(hash)\nsoest \(UsersFile.hash(password: "x", cost: 4))\n", path: "users")
        #expect(UsersFile.cost(of: users.decoyHash) == 6)
        #expect(users.authenticate(name: "unbekannt", password: "geheim") == nil)
        #expect(users.authenticate(name: "olpe", password: "geheim")?.name == "olpe")
    }
}

/// Fetches and pushes beyond the slot count wait in arrival order.
@Suite struct ServiceSlotsTests {
    actor Order {
        var entries: [Int] = []
        func add(_ n: Int) { entries.append(n) }
    }

    @Test func requestsBeyondTheSlotsWaitInArrivalOrder() async throws {
        let slots = ServiceSlots(count: 2)
        await slots.acquire()
        await slots.acquire()
        let order = Order()
        var waiters: [Task<Void, Never>] = []
        for n in 1...3 {
            waiters.append(Task {
                await slots.acquire()
                await order.add(n)
            })
            while await slots.waitingCount < n { await Task.yield() }
        }
        #expect(await order.entries.isEmpty)
        await slots.release()
        await waiters[0].value
        #expect(await order.entries == [1])
        await slots.release()
        await slots.release()
        for waiter in waiters { await waiter.value }
        #expect(await order.entries == [1, 2, 3])
        #expect(await slots.waitingCount == 0)
    }
}
