"""Ground floor: settings, vocabularies, Chinese display names, data-file loading. Imports no other zwgk package."""
