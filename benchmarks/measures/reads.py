"""Opening the Afspraken overview and a child's timeline: the service reads behind those screens,
against the same SQL run directly on the connection."""

from __future__ import annotations

from collections.abc import Callable

from knooppunt.domain.outcomes import Agreement

from . import REPORT, Context, Result, open_services, timed
from .sql_replay import captured_reads, replay


def agreements_overview(services) -> Callable[[], object]:
    """What the Afspraken page asks when it opens: the ids of the open agreements in due-date
    order (sorted in SQL), the first batch of rows, the bucket counts and the per-owner summary."""
    from knooppunt.services.outcomes.agreement_overview import AgreementFilter
    from ui.models.agreement_overview_model import BATCH

    agreements = services.agreements

    def open_page() -> None:
        f = AgreementFilter()
        ids = agreements.overview_ids(f)
        agreements.views(ids[:BATCH])
        agreements.bucket_counts(f)
        agreements.by_owner(f)

    return open_page


def child_timeline(services, child_id: int) -> tuple[Callable[[], object], str]:
    """The timeline service when there is one; until then the reads that exist for one child."""
    timeline = getattr(services, "timeline", None)
    if timeline is not None and hasattr(timeline, "timeline"):
        return (lambda: timeline.timeline(child_id)), "timeline service"

    def reads() -> None:
        children = services.children
        children.child(child_id)
        children.guardians(child_id)
        children.consents(child_id)
        children.cases(child_id)
        services.store.select(Agreement, "agreement", "child_id = ?", [child_id], order_by="id")

    return reads, "child + guardians + consents + cases + agreements (no timeline service yet)"


def _busiest_child(services) -> int:
    return services.store.scalar(
        "SELECT child_id FROM agreement GROUP BY child_id ORDER BY count(*) DESC, child_id LIMIT 1"
    )


def _compare(result: Result, store, action, runs: int) -> None:
    statements = captured_reads(store, action)  # also warms the cache
    for _ in range(runs):
        result.samples += timed(action, 1)
        result.baseline_samples += timed(replay(store, statements), 1)


def measure(ctx: Context) -> list[Result]:
    services = open_services(ctx)
    store = services.store
    try:
        overview = Result("open Afspraken overview", "ms", "same SQL on the connection", REPORT)
        _compare(overview, store, agreements_overview(services), ctx.runs)
        from knooppunt.services.outcomes.agreement_overview import AgreementFilter

        overview.note = (f"as the page opens: {len(services.agreements.overview_ids(AgreementFilter()))} open "
                         f"of {services.store.count('agreement')} agreements, first batch of rows, counts, owners")
        child_id = _busiest_child(services)
        action, what = child_timeline(services, child_id)
        timeline = Result("open a child's timeline", "ms", "same SQL on the connection", REPORT)
        _compare(timeline, store, action, ctx.runs)
        timeline.note = what
        return [overview, timeline]
    finally:
        services.close()
