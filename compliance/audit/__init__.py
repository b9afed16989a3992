"""Audit for the licensor: find the republications of a publisher's stories and check each one."""
