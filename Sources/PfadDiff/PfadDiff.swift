// PfadDiff module.
