"""The Textual terminal UI of Diplomatic Timeline; it talks only to `timeline`'s query API."""
