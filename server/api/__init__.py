"""The HTTP API under /api/v1: one module per resource."""

from fastapi import APIRouter

from server.api import (
    applications,
    assessments,
    attachments,
    auth,
    catalog,
    sync,
    users,
)

api_router = APIRouter()
for module in (auth, users, catalog, applications, assessments, sync, attachments):
    api_router.include_router(module.router)
