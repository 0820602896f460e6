"""The partner directory's exchange: validation, CSV, directory file, vCard and the contact list."""
