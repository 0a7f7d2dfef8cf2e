import NIOConcurrencyHelpers
import Dispatch

/// Slows down password guessing: failed logins are counted per user name
/// and per client address; after `freeAttempts` failures in a row a key is
/// locked for `baseDelay`, doubling with every further failure up to
/// `maximumDelay`. While either key of a login is locked the password is
/// not even checked (so the right password does not work either), and the
/// server answers 429 with `Retry-After`. A success clears the user's and
/// the address's count. Unknown user names are counted like known ones.
/// Thread-safe; remembers at most `capacity` keys (the oldest unlocked
/// ones are forgotten first).
final class LoginThrottle: Sendable {
    /// Tuning of the throttle.
    struct Policy: Sendable, Equatable {
        /// Failures allowed before the first lock.
        var freeAttempts = 5
        /// Length of the first lock, in seconds.
        var baseDelay: Double = 1
        /// Longest lock, in seconds.
        var maximumDelay: Double = 900
        /// Most keys remembered.
        var capacity = 10_000
    }

    private struct Record {
        var failures = 0
        var lockedUntil: Double = 0
        var lastSeen: Double = 0
    }

    let policy: Policy
    private let clock: @Sendable () -> Double
    private let records = NIOLockedValueBox<[String: Record]>([:])

    /// A throttle with `policy`; `clock` gives seconds (monotonic), tests
    /// pass their own.
    init(policy: Policy = Policy(), clock: @escaping @Sendable () -> Double = LoginThrottle.monotonicSeconds) {
        self.policy = policy
        self.clock = clock
    }

    /// Seconds until a login for `user` from `address` may be tried, or nil
    /// when it may be tried now.
    func retryAfter(user: String, address: String?) -> Double? {
        let now = clock()
        return records.withLockedValue { records in
            let waits = Self.keys(user: user, address: address).compactMap { key -> Double? in
                guard let until = records[key]?.lockedUntil, until > now else { return nil }
                return until - now
            }
            return waits.max()
        }
    }

    /// Records a failed login; returns the lock now in force, if any.
    @discardableResult
    func failed(user: String, address: String?) -> Double? {
        let now = clock()
        return records.withLockedValue { records in
            var longest: Double?
            for key in Self.keys(user: user, address: address) {
                var record = records[key] ?? Record()
                record.failures += 1
                record.lastSeen = now
                let over = record.failures - policy.freeAttempts
                if over >= 0 {
                    let delay = min(policy.baseDelay * Self.power(of2: over), policy.maximumDelay)
                    record.lockedUntil = now + delay
                    longest = max(longest ?? 0, delay)
                }
                records[key] = record
            }
            evict(&records, now: now)
            return longest
        }
    }

    /// Records a successful login: the user's and the address's counts start again.
    func succeeded(user: String, address: String?) {
        records.withLockedValue { records in
            for key in Self.keys(user: user, address: address) { records[key] = nil }
        }
    }

    private static func keys(user: String, address: String?) -> [String] {
        ["user:" + user] + (address.map { ["address:" + $0] } ?? [])
    }

    /// 2^n for the back-off, capped so that it cannot overflow.
    private static func power(of2 n: Int) -> Double {
        Double(1 << min(n, 40))
    }

    /// Keeps the table within `capacity`, dropping unlocked keys seen longest ago.
    private func evict(_ records: inout [String: Record], now: Double) {
        guard records.count > policy.capacity else { return }
        let unlocked = records.filter { $0.value.lockedUntil <= now }.sorted { $0.value.lastSeen < $1.value.lastSeen }
        for (key, _) in unlocked.prefix(records.count - policy.capacity) { records[key] = nil }
    }

    /// Seconds from a monotonic clock.
    @Sendable static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
