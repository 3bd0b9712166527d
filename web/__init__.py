"""The inspectors' web UI (`zwgk serve`): review queue, evidence, appeals, allow-list, audit log, the
quarter at a glance and last night's run, server-rendered in Chinese."""
