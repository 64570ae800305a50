"""Compose the stages: raw input -> Article -> Entry. The only module that imports them all."""
