import NIOConcurrencyHelpers

/// Open connections per client address, shared by every connection of
/// one server, so that one address cannot hold all of the server's
/// connections (slow or half-sent requests included). Thread-safe.
final class ConnectionCounter: Sendable {
    /// Most connections one address may hold at once.
    let limit: Int
    private let open = NIOLockedValueBox<[String: Int]>([:])

    /// A counter allowing `limit` connections per address.
    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a new connection from `address`; false (and not counted)
    /// when the address already holds `limit` connections. O(1).
    func admit(_ address: String) -> Bool {
        open.withLockedValue { open in
            let current = open[address, default: 0]
            guard current < limit else { return false }
            open[address] = current + 1
            return true
        }
    }

    /// Forgets one admitted connection of `address`. O(1).
    func release(_ address: String) {
        open.withLockedValue { open in
            let remaining = open[address, default: 0] - 1
            open[address] = remaining > 0 ? remaining : nil
        }
    }

    /// Connections `address` holds now (tests, logs).
    func count(for address: String) -> Int {
        open.withLockedValue { $0[address, default: 0] }
    }
}
