"""The 24 helper questions as a tool: a project team's self-assessment per stage, its
result with the change between stages, the coordinators' view of what teams share,
and an anonymous reflection sheet that stores nothing."""
