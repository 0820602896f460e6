"""The knooppunt cycle's services (issue 18), built together and reached as ``services.cycle``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..storage import Store
from .children.children import ChildService
from .children.consent import ConsentService
from .children.intake import IntakeService
from .children.partner_scope import PartnerScopeService
from .directory.locations import LocationService
from .meetings.cycle_settings import CycleSettingsService
from .meetings.school_year import SchoolYearService
from .meetings.today import TodayService
from .outcomes.case_plan import CasePlanService
from .outcomes.cases import CaseService
from .outcomes.closing import ClosingService

if TYPE_CHECKING:
    from ..documents.render import TemplateRenderer
    from .outcomes.closing_letter import ClosingLetterService


@dataclass(frozen=True)
class CycleServices:
    intake: IntakeService
    partner_scope: PartnerScopeService
    plans: CasePlanService
    closing: ClosingService
    settings: CycleSettingsService
    school_year: SchoolYearService
    today: TodayService
    closing_letter: ClosingLetterService


def build_cycle(store: Store, locations: LocationService, children: ChildService, consent: ConsentService,
                cases: CaseService, renderer: TemplateRenderer) -> CycleServices:
    from .outcomes.closing_letter import ClosingLetterService

    settings = CycleSettingsService(store)
    return CycleServices(
        intake=IntakeService(store, cases, consent),
        partner_scope=PartnerScopeService(store, locations, children, consent),
        plans=CasePlanService(store, cases),
        closing=ClosingService(store, cases, settings),
        settings=settings,
        school_year=SchoolYearService(store, locations, settings),
        today=TodayService(store),
        closing_letter=ClosingLetterService(store, renderer),
    )
