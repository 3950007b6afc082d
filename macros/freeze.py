"""How `make release` asks a build for the policy as it renders today, to freeze it."""

# The path to write the policy's Markdown to, macros expanded, once the build has succeeded.
FREEZE_ENV = "FREEZE_POLICY_TO"
