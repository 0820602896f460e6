"""Meeting mode (vergadermodus): planning, the chair's view and the parents' screen."""
