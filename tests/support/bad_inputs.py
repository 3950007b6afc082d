"""Bad input: the mistakes a build must name, and how it names them."""

from __future__ import annotations

from macros.common.problems import HEADLINE
from tests.support.builds import DATA, Build, Mutation, remove, replace

NAME, EMAIL, PHONE = DATA.school.name, DATA.contact.email, DATA.contact.phone
PLUGINS_IN_ORDER = "plugins:\n  - search:\n      lang: en\n  - macros:\n"

CASES: dict[str, tuple[list[Mutation], list[str]]] = {
    "bad email": ([replace("school.yml", EMAIL, EMAIL.replace("@", "@@"))],
                  ["school.yml, line", "contact.email", repr(EMAIL.replace("@", "@@"))]),
    "invalid phone": ([replace("school.yml", PHONE, PHONE[:-2])],
                      ["school.yml, line", "contact.phone", repr(PHONE[:-2])]),
    "misspelt key": ([replace("school.yml", "email_subject:", "email_subjcet:")],
                     ["school.yml, line", "contact.email_subjcet", "Extra inputs are not permitted"]),
    "curly quotes": ([replace("school.yml", f'name: "{NAME}"', f"name: “{NAME}”")],
                     ["school.yml, line", "school.name", "curly quotes", f"“{NAME}”", f'name: "{NAME}"']),
    "tab indentation": ([replace("school.yml", '  email: "', '\temail: "')],
                        ["school.yml, line", "indented with a tab", "replace the tab with spaces"]),
    "yaml syntax": ([replace("school.yml", f'name: "{NAME}"', f'name: "{NAME}')],
                    ["school.yml, line", "YAML syntax error"]),
    "missing data file": ([remove("school.yml")], ["school.yml", "cannot read the data file"]),
    "duplicate clause": ([replace("docs/policy.md", "- [C4]", "- [C2]")],
                         ["docs/policy.md", "clause ID C2 is used twice"]),
    "undefined variable in the policy": (
        [replace("docs/policy.md", "{{ policy_title }}", "{{ policy_titel }}")],
        ["docs/policy.md, line 8", "'policy_titel' is undefined", "# {{ policy_titel }}"]),
    "undefined variable in another page": (
        [replace("docs/raise-a-concern.md", "{{ contact_actions() }}", "{{ contact_action }}")],
        ["docs/raise-a-concern.md, line", "'contact_action' is undefined", "The value: {{ contact_action }}"]),
    "missing include": ([remove("docs/_includes/school-role.md")],
                        ["docs/index.md, line", "school-role.md, which is not in docs/_includes/"]),
    "broken link": ([replace("docs/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)")],
                    ["docs/raise-a-concern.md", "polcy.md", "not found"]),
    "broken anchor": ([replace("docs/raise-a-concern.md", "policy.md#raising-concerns", "policy.md#raising")],
                      ["docs/raise-a-concern.md", "#raising"]),
    "clause on a page that cannot hold clauses": (
        [replace("docs/group-rules.md", "# Rules for your class group\n",
                 "# Rules for your class group\n\n- [Z1] A rule\n")],
        ["docs/group-rules.md", "defines clause Z1", "only the guidance (docs/policy.md) may define clauses"]),
    "a language's contents box named as the theme's table of contents": (
        [replace("translations/pl/language.yml", 'contents: "Na tej stronie"', 'contents: "Spis treści"')],
        ["translations/pl/language.yml, line", "strings.contents", "'Spis treści'", 'the words for "On this page"']),
    "search plugin missing": ([replace("mkdocs.yml", "  - search:\n      lang: en\n", "")],
                              ["mkdocs.yml, plugins", "search plugin is missing"]),
    "plugins misordered": ([replace("mkdocs.yml", "  - search:\n      lang: en\n", ""),
                            replace("mkdocs.yml", "      on_error_fail: true\n",
                                    "      on_error_fail: true\n  - search:\n      lang: en\n")],
                           ["mkdocs.yml, plugins", "`search` comes after `macros`", "macros, material/search"]),
    "unknown plugin": ([replace("mkdocs.yml", "  - search:", "  - serch:")],
                       ["mkdocs.yml, plugins", 'The "serch" plugin is not installed']),
}


def assert_plain_summary(result: Build, expected: list[str]) -> None:
    assert not result.ok, result.output
    assert "Traceback" not in result.output and 'File "' not in result.output, result.output
    last = result.last_lines
    assert last.startswith(HEADLINE), f"the output does not end with the summary:\n{result.output[-3000:]}"
    assert result.output.rstrip().endswith("-" * 72), result.output[-500:]
    assert len(last.splitlines()) <= 12, last
    assert "What to do:" in last
    for fragment in expected:
        assert fragment in last, f"{fragment!r} not in the last lines:\n{last}"
