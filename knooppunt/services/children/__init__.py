"""Children (kinderen): parents, consent, aanmelding, partners per child, timeline and transfer."""
