"""Insignia's Qt desktop application."""
