"""Warming the documents after start: templates compiled and the layout engine loaded, so the first
document does not pay for it; nothing is written."""

from knooppunt.documents.model import DocumentKind
from knooppunt.documents.render import TemplateRenderer
from knooppunt.documents.warm import warm_up


def test_warm_up_compiles_every_template_and_writes_nothing(tmp_path):
    renderer = TemplateRenderer(override_root=tmp_path / "sjablonen")
    warm_up(renderer)
    environment = renderer.environment(None)
    cached = {template.name for template in environment.cache.values()}
    assert {kind.template for kind in DocumentKind} <= cached
    assert list(tmp_path.iterdir()) == []
