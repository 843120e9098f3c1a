"""Names the window and the export share, without loading the PDF machinery."""

from __future__ import annotations

import importlib.util

EXPORT_ACTION = "exportPdfAction"
PRINT_ACTION = "printAction"
# PySide6-Essentials ships QtPrintSupport; without it the PDF is the printout.
PRINT_SUPPORT = importlib.util.find_spec("PySide6.QtPrintSupport") is not None
