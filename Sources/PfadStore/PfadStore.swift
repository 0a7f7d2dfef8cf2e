// PfadStore module.
