"""Small inputs several unit tests share."""

from __future__ import annotations

from macros.clauses import translated
from macros.clauses.markup import Clause
from macros.data import language_file
from tests.support.builds import ROOT

# A guidance page in miniature: two sections, three clauses.
POLICY = """# Title
## Code of Conduct { #code-of-conduct }
- [C1] First rule
- [C2] Second rule
### How the school may respond
- [R1] Send a letter
"""

# Three English clauses, and the Polish language file with translations of some of them.
ENGLISH = [Clause("C1", "One.", "S"), Clause("C2", "Two.", "S"), Clause("C3", "Three.", "S")]
POLISH = ROOT / "translations" / "pl" / "language.yml"


def polish_with(clauses: dict[str, tuple[str, str]]) -> language_file.LanguageFile:
    """The Polish file with these clauses: id → (its words, the English they were translated from)."""
    loaded = language_file.load(POLISH)
    return loaded.model_copy(update={"clauses": {
        k: language_file.TranslatedText(text=t, source=translated.source_hash(s)) for k, (t, s) in clauses.items()}})
