import PfadObjects

/// How `IndexEntry.statChanges(against:options:)` compares stat data; the
/// defaults are git's defaults (`core.trustctime` true, `core.checkStat`
/// default, `core.filemode` true).
public struct StatCheckOptions: Sendable, Hashable {
    /// `core.trustctime`: compare ctime.
    public var trustCTime: Bool
    /// `core.checkStat=minimal` when false: only mtime seconds, size and mode/type.
    public var checkAllFields: Bool
    /// `core.filemode`: compare the executable bit.
    public var trustExecutableBit: Bool
    /// Also compare nanoseconds (git built with `USE_NSEC`). On by default:
    /// stricter comparison only causes extra re-hashing, never missed changes.
    public var compareNanoseconds: Bool
    /// Also compare `st_dev` (git built with `USE_STDEV`); off by default.
    public var compareDevice: Bool
    /// Treat assume-valid entries as unchanged (git does unless asked to ignore the flag).
    public var honorAssumeValid: Bool
    /// Treat skip-worktree entries as unchanged.
    public var honorSkipWorktree: Bool

    /// Options with git's defaults.
    public init(
        trustCTime: Bool = true, checkAllFields: Bool = true, trustExecutableBit: Bool = true,
        compareNanoseconds: Bool = true, compareDevice: Bool = false,
        honorAssumeValid: Bool = true, honorSkipWorktree: Bool = true
    ) {
        self.trustCTime = trustCTime
        self.checkAllFields = checkAllFields
        self.trustExecutableBit = trustExecutableBit
        self.compareNanoseconds = compareNanoseconds
        self.compareDevice = compareDevice
        self.honorAssumeValid = honorAssumeValid
        self.honorSkipWorktree = honorSkipWorktree
    }
}

/// What differs between an entry's cached stat data and the file on disk.
public struct StatChanges: OptionSet, Sendable, Hashable {
    /// The bit set.
    public let rawValue: UInt8
    /// A set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// mtime differs.
    public static let mtime = StatChanges(rawValue: 1 << 0)
    /// ctime differs.
    public static let ctime = StatChanges(rawValue: 1 << 1)
    /// uid or gid differs.
    public static let owner = StatChanges(rawValue: 1 << 2)
    /// inode (or device) differs.
    public static let inode = StatChanges(rawValue: 1 << 3)
    /// size differs, or the entry is smudged (size 0 but not the empty blob), or intent-to-add.
    public static let data = StatChanges(rawValue: 1 << 4)
    /// The executable bit differs.
    public static let mode = StatChanges(rawValue: 1 << 5)
    /// The file type differs (file versus symlink versus directory).
    public static let type = StatChanges(rawValue: 1 << 6)
}

extension IndexEntry {
    /// An entry for `path` with `id` whose stat fields come from `stat` and
    /// whose mode is `stat.indexMode()` unless `mode` is given.
    public init(path: [UInt8], id: ObjectID, stat: StatData, mode: UInt32? = nil, stage: UInt8 = 0) {
        self.init(path: path, id: id, mode: mode ?? stat.indexMode(), stage: stage)
        updateStat(stat)
    }

    /// Copies the (truncated) stat fields of `stat` into the entry, leaving mode, id and flags.
    public mutating func updateStat(_ stat: StatData) {
        ctime = stat.ctime
        mtime = stat.mtime
        dev = UInt32(truncatingIfNeeded: stat.dev)
        ino = UInt32(truncatingIfNeeded: stat.ino)
        uid = stat.uid
        gid = stat.gid
        size = UInt32(truncatingIfNeeded: stat.size)
    }

    /// Differences between the cached stat data and `stat`, following git's
    /// `ie_match_stat` rules. An empty result means the file is unchanged
    /// unless the entry is racily clean (see `isRacilyClean(indexMTime:)`). O(1).
    public func statChanges(against stat: StatData, options: StatCheckOptions = StatCheckOptions()) -> StatChanges {
        if options.honorSkipWorktree && skipWorktree { return [] }
        if options.honorAssumeValid && assumeValid { return [] }
        if intentToAdd { return [.data, .type, .mode] }
        var changes: StatChanges = []
        switch modeType {
        case 0o100000:
            if !stat.isRegularFile { changes.insert(.type) }
            if options.trustExecutableBit && stat.isRegularFile && (mode & 0o100 != 0) != stat.isExecutable {
                changes.insert(.mode)
            }
        case 0o120000:
            if !stat.isSymlink { changes.insert(.type) }
        case 0o160000:
            return stat.isDirectory ? [] : [.type]
        default:
            changes.insert(.type)
        }
        let full = options.checkAllFields
        if mtime.seconds != stat.mtime.seconds { changes.insert(.mtime) }
        if full && options.compareNanoseconds && mtime.nanoseconds != stat.mtime.nanoseconds { changes.insert(.mtime) }
        if full && options.trustCTime {
            if ctime.seconds != stat.ctime.seconds { changes.insert(.ctime) }
            if options.compareNanoseconds && ctime.nanoseconds != stat.ctime.nanoseconds { changes.insert(.ctime) }
        }
        if full {
            if uid != stat.uid || gid != stat.gid { changes.insert(.owner) }
            if ino != UInt32(truncatingIfNeeded: stat.ino) { changes.insert(.inode) }
            if options.compareDevice && dev != UInt32(truncatingIfNeeded: stat.dev) { changes.insert(.inode) }
        }
        if size != UInt32(truncatingIfNeeded: stat.size) { changes.insert(.data) }
        if size == 0 && id != id.algorithm.objectID(type: .blob, content: [UInt8]()) { changes.insert(.data) }
        return changes
    }

    /// True if the cached stat data matches `stat` (git's `ie_match_stat` finds no change). O(1).
    public func matches(stat: StatData, options: StatCheckOptions = StatCheckOptions()) -> Bool {
        statChanges(against: stat, options: options).isEmpty
    }

    /// True if the entry's mtime is not older than the index file's mtime
    /// (seconds compared, as git without `USE_NSEC`): the file may have changed
    /// within the same second the index was written, so matching stat data
    /// proves nothing and the content must be re-hashed. False when the index
    /// time is unknown (nil or zero).
    public func isRacilyClean(indexMTime: IndexTime?) -> Bool {
        guard let indexTime = indexMTime, indexTime.seconds != 0 else { return false }
        return indexTime.seconds <= mtime.seconds
    }

    /// Marks a racily clean entry whose content is known to differ: sets the
    /// cached size to 0, as git does before rewriting the index, so that later
    /// readers see a data change even though the time stamps match.
    public mutating func smudge() {
        size = 0
    }
}

extension IndexFile {
    /// `entry.isRacilyClean(indexMTime:)` as a free-standing check.
    public static func isRacilyClean(_ entry: IndexEntry, indexMTime: IndexTime?) -> Bool {
        entry.isRacilyClean(indexMTime: indexMTime)
    }
}
