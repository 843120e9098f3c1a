"""Insignia's domain: entities, workflow rules and the local store. No Qt here."""
