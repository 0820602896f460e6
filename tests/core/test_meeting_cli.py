"""``knooppunt-cli overleggen`` and ``uitnodiging``: the same invitation without the app."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from knooppunt.cli import main
from knooppunt.composition import open_services
from tests.conftest import PASSPHRASE, TEST_KDF_ITER


@pytest.mark.sqlite_only(reason="the CLI opens a database file (--db)")
def test_cli_lists_slots_and_writes_invitation_text_and_ics(demo_services, db_path, tmp_path, monkeypatch, capsys):
    upcoming = next(v for v in demo_services.meetings.meetings() if v.meeting.status == "gepland")
    discussion = demo_services.meetings.discussions(upcoming.meeting.id)[0]
    demo_services.planning.ensure_prepared(discussion.id)
    demo_services.close()
    monkeypatch.setenv("KNOOPPUNT_PASSPHRASE", PASSPHRASE)
    # the test database uses fewer key-derivation rounds than the app's default
    monkeypatch.setattr("knooppunt.cli.common.open_services",
                        lambda path, phrase, **kw: open_services(path, phrase, kdf_iter=TEST_KDF_ITER, **kw))
    assert main(["overleggen", "--db", str(db_path)]) == 0
    assert f"bespreking {discussion.id}: 08:30 Anaïs Bakker" in capsys.readouterr().out
    assert main(["uitnodiging", "--db", str(db_path), "--bespreking", str(discussion.id)]) == 0
    assert "Waar: Teamkamer, 1e verdieping" in capsys.readouterr().out
    target = tmp_path / "slot.ics"
    assert main(["uitnodiging", "--db", str(db_path), "--bespreking", str(discussion.id), "--ics", str(target)]) == 0
    assert len(list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == 1
