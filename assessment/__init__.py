"""Assessment schemes (data files), proposed deduction events and scores."""
