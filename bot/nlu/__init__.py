"""Our NLU components and the plain-Python logic behind them."""
