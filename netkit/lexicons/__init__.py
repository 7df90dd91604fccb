"""Word lists as data, one file per list and language (``pitch_en.txt``, ``meeting_en.txt``...)."""
