"""Author tooling of the course site (harness library and the one CLI): `python -m tools --help`."""
