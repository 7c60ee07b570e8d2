"""Reports of a run: the JSON contract (schema_version 1), a self-contained HTML page, and the terminal."""
