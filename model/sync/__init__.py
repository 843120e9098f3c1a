"""Keeping the local database and an Insignia server in step.

``outbox`` records local changes as they are made, in the same transaction;
``local`` applies what the server sends; ``client`` speaks HTTP to the
server and ``engine`` runs one round of sync after another. Nothing here
imports Qt: the desktop runs the engine on a worker thread.
"""
