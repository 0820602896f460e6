"""Monitoring per location: indicators computed from what is recorded, charts, the yearly
report and the board's figures without names (small counts shown as "<5")."""
