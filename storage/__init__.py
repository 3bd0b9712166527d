"""The SQL store: models, engine factory and the repositories that read and write it."""
