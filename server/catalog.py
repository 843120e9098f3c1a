"""Publishing micro-credentials on the server, into the change feed."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.catalog import CatalogSpec, import_spec
from model.entities import MicroCredential
from model.sync_protocol import ChangeKind
from server.changes import lock_credential, record_change

logger = logging.getLogger(__name__)


def publish(session: Session, catalog: CatalogSpec) -> list[str]:
    """Add or update the catalog's micro-credentials; every client gets them."""
    codes = import_spec(session, catalog)
    session.flush()
    for spec in catalog.micro_credentials:
        credential_id = session.scalar(
            select(MicroCredential.id).where(
                MicroCredential.code == spec.code,
                MicroCredential.version == spec.version,
            )
        )
        if credential_id is not None:
            lock_credential(session, credential_id)
            record_change(session, ChangeKind.CREDENTIAL, credential_id)
    logger.info("Published %d micro-credential(s)", len(codes))
    return codes
