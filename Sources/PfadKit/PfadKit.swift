// PfadKit: the library API of pfad. A program imports this one module and
// gets repositories (open, discover, initialise, clone), their objects,
// status, staging and commits, branches and tags, history, diffs, merges,
// fsck, and fetch/push with progress callbacks — every operation returns a
// value and prints nothing. See PfadKit.docc for a worked example.

@_exported import PfadDiff
@_exported import PfadObjects
@_exported import PfadRepository
@_exported import PfadStore
@_exported import PfadTransport
