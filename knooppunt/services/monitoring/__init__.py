"""Monitoring: indicators per period and the counts behind them, an erased child's share kept anonymous."""
