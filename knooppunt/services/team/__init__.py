"""Working as a team on the organisation's server: meetings checked out to a laptop and back (issue 22)."""
