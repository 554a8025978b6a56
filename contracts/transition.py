"""The transition plan: the annex at signing, and the dated plan when an engagement ends.

At signing, the plan says what happens relative to a notice date nobody knows yet. When the
freelancer records an Ending (who ended it, on what date, how much of the fees was actually paid),
`plan_exit` computes the real dates and prices from the signed contract's Profile, and the same
transition clauses render them through the `exit` variable:
`assemble(profile, "transition", extra={"exit": plan})`. Without it, `exit` is none (the annex).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from .profile import Model, Money, Profile, ProfileError, Reason, Text, validate

PARTIES = ("client", "freelancer")


class Ending(Model):
    """What the freelancer records when an engagement ends."""

    ended_by: Literal[PARTIES]
    notice_date: date
    fees_paid: Money
    note: Text = ""


class ExitPlan(Model):
    """The dates and prices of one exit, computed from the signed contract and its Ending."""

    ended_by: Literal[PARTIES]
    notice_date: date
    note: str
    handover_date: date
    notice_end_date: date
    service_end_date: date
    fees_paid: Money
    buyout_price: Money | None
    hourly_rate: Money | None

    def too_late(self, day: date) -> bool:
        """Whether a request received on `day` comes after the service end date, so is declined."""
        return day > self.service_end_date


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of that month when it is shorter (Jan 31 + 1 = Feb 28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_ending(data: Any, profile: Profile) -> Ending:
    """Validate an Ending for this contract, or raise ProfileError naming each bad field."""
    ending = validate(Ending, data, "ending")
    if ending.notice_date < profile.effective_date:
        problem = Reason("must not be before the contract's effective date, {effective}",
                         effective=profile.effective_date.isoformat())
        raise ProfileError([("notice_date", problem)])
    return ending


def plan_exit(profile: Profile, ending: Ending) -> ExitPlan:
    """The exit's dates and prices, as the signed contract sets them.

    - handover: one batch within `handover_days` of the notice date;
    - service end: `service_end_months` after the notice date, or the end of the notice period
      if that is later; requests received after it are declined;
    - buyout: the agreed percentage of the fees actually paid (none when the source files are
      not for sale, or already belong to the client under a full assignment);
    - production advice at the hourly rate, when the contract offers it.
    """
    terms = profile.termination
    notice_end = ending.notice_date + timedelta(days=terms.notice_days)
    service_end = max(add_months(ending.notice_date, terms.service_end_months), notice_end)
    percent = profile.ip.buyout_percent if profile.ip.model != "full_assignment" else None
    buyout = None if percent is None else (ending.fees_paid * percent / 100).quantize(Decimal("0.01"))
    return ExitPlan(
        ended_by=ending.ended_by, notice_date=ending.notice_date, note=ending.note,
        handover_date=ending.notice_date + timedelta(days=terms.handover_days),
        notice_end_date=notice_end, service_end_date=service_end, fees_paid=ending.fees_paid,
        buyout_price=buyout,
        hourly_rate=profile.communication.hourly_rate if terms.production_advice else None,
    )
