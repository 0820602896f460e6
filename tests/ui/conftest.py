from __future__ import annotations

import pytest

from ui.app import create_application
from ui.hub import SignalHub


@pytest.fixture
def app(qapp):
    return create_application(["knooppunt-test"])


@pytest.fixture
def hub(app):
    return SignalHub()
