"""zwgk: audit government disclosure portals (政务公开) and turn findings into assessment deductions."""
