import PfadObjects

/// Shortest unique abbreviations for many objects (`%h`, `%p`, `--oneline`,
/// `Merge:` lines), the same as `Repository.abbreviate` gives.
///
/// The first 256 distinct ids are abbreviated one by one (each lists one
/// loose-object folder); after that the sorted list of every object id is
/// read once and each abbreviation is a binary search, so `log --oneline`
/// over a long history costs one listing, not one per commit. Cached per
/// id. Not thread-safe.
final class Abbreviator {
    private let repository: Repository
    private var cache: [ObjectID: String] = [:]
    private var sorted: [ObjectID]?
    private static let listingThreshold = 256

    init(repository: Repository) {
        self.repository = repository
    }

    /// The abbreviation of `id`.
    /// - Throws: store errors while listing objects.
    func abbreviate(_ id: ObjectID) throws -> String {
        if let a = cache[id] { return a }
        let a: String
        if cache.count < Self.listingThreshold {
            a = try repository.abbreviate(id)
        } else {
            if sorted == nil { sorted = try repository.objects.allObjectIDs() }
            a = fromListing(id, sorted ?? [])
        }
        cache[id] = a
        return a
    }

    /// The abbreviation from the sorted id list: one digit more than the
    /// longest hex prefix shared with a neighbour, at least the default
    /// length. O(log n).
    private func fromListing(_ id: ObjectID, _ ids: [ObjectID]) -> String {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        var shared = 0
        for neighbour in [low - 1, low, low + 1] where neighbour >= 0 && neighbour < ids.count && ids[neighbour] != id {
            shared = max(shared, Self.sharedHexDigits(ids[neighbour], id))
        }
        let hex = id.hex
        let length = min(hex.count, max(4, max(repository.defaultAbbreviationLength(), shared + 1)))
        return String(hex.prefix(length))
    }

    /// Number of leading hex digits `a` and `b` share.
    static func sharedHexDigits(_ a: ObjectID, _ b: ObjectID) -> Int {
        var digits = 0
        for (x, y) in zip(a.bytes, b.bytes) {
            if x == y {
                digits += 2
                continue
            }
            if x >> 4 == y >> 4 { digits += 1 }
            break
        }
        return digits
    }
}
