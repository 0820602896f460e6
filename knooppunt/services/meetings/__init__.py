"""Knooppunt meetings (overleggen): planning, invitations, the school year, driving the meeting, the parents' screen, Vandaag."""
