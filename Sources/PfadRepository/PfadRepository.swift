// PfadRepository module.
