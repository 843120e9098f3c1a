"""The catalog of micro-credentials: everyone reads it, administrators publish."""

from __future__ import annotations

from fastapi import APIRouter, status
from sqlalchemy import select

from model.catalog import CatalogSpec
from model.entities import MicroCredential
from model.sync_protocol import CredentialPayload
from server.catalog import publish
from server.deps import API_PREFIX, Admin, CurrentUser, Id, State, api_error
from server.payloads import credential_payload, load_credentials
from server.schemas import CatalogImportPublic, ErrorPublic

router = APIRouter(prefix=f"{API_PREFIX}/catalog", tags=["catalog"])


@router.get("/credentials", responses={401: {"model": ErrorPublic}})
def list_credentials(state: State, _user: CurrentUser) -> list[CredentialPayload]:
    """Every version of every micro-credential, by code then version."""
    with state.db.reading() as session:
        ids = session.scalars(
            select(MicroCredential.id).order_by(
                MicroCredential.code, MicroCredential.version
            )
        ).all()
        credentials = load_credentials(session, ids)
        return [credential_payload(credentials[i]) for i in ids]


@router.get(
    "/credentials/{credential_id}",
    responses={401: {"model": ErrorPublic}, 404: {"model": ErrorPublic}},
)
def read_credential(
    credential_id: Id, state: State, _user: CurrentUser
) -> CredentialPayload:
    with state.db.reading() as session:
        credential = load_credentials(session, [credential_id]).get(credential_id)
        if credential is None:
            raise api_error(
                status.HTTP_404_NOT_FOUND, "not_found", "No such micro-credential."
            )
        return credential_payload(credential)


@router.post(
    "",
    responses={401: {"model": ErrorPublic}, 403: {"model": ErrorPublic}},
)
def import_catalog(
    body: CatalogSpec, state: State, _admin: Admin
) -> CatalogImportPublic:
    """Publish a catalog (docs/catalog-format.md): new versions are added beside
    the old ones, the same code and version is updated in place."""
    with state.db.writing() as session:
        return CatalogImportPublic(codes=publish(session, body))
