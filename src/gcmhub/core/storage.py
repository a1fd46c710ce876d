"""Static files with content-hashed names, so browsers may keep them for a year."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """`collectstatic` writes compressed copies under hashed names and a manifest; pages
    then link the hashed names, which WhiteNoise serves with a one-year immutable cache.
    Before `collectstatic` has run (the test suite, a development checkout) there is no
    manifest and pages link the plain names, which WhiteNoise finds in the source tree,
    instead of failing on every page."""

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        return super().stored_name(name)
