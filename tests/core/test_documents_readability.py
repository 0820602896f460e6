"""B1 Dutch: the letter's own sentences stay short (on average at most 15 words).

Measured over the fixed text of the letter template rendered with the demo data: the paragraphs
of the RML with everything the users typed (notes, decisions, agreements, names of owners, quoted
words) taken out, so only the template's wording counts.
"""

from __future__ import annotations

import re
from statistics import mean

from lxml import etree

from knooppunt.documents import DocumentKind, DocumentTarget

ANY_LETTER_SQL = "SELECT d.id FROM discussion d WHERE d.status = 'vastgesteld' ORDER BY d.id"
TEXT_STYLES = {"tekst", "opsomming", "notitie", "intern", "kop", "subkop", "titel"}


def fixed_sentences(docs, discussion_id: int) -> list[str]:
    job = docs.prepare(DocumentTarget(DocumentKind.LETTER, discussion_id=discussion_id))
    context = {"kind": DocumentKind.LETTER, **job.context, **job.parts[0]}
    rml = docs.renderer.rml_of("afsprakenbrief.rml.j2", context, location_id=job.location_id)
    doc = job.context["doc"]
    typed = [n.text for s in doc.sections for n in s.notes]
    typed += [d.text for d in doc.decisions] + [d.parents_words for d in doc.decisions]
    typed += [d.child_words for d in doc.decisions]
    typed += [a.description for a in doc.agreements] + [a.owner for a in doc.agreements]
    typed = sorted((t for t in typed if t.strip()), key=len, reverse=True)
    sentences = []
    for para in etree.fromstring(rml.encode()).iter("para"):
        if para.get("style") not in TEXT_STYLES:
            continue
        text = " ".join("".join(para.itertext()).split())
        for user_text in typed:
            text = text.replace(" ".join(user_text.split()), " ")
        text = re.sub(r"“\s*”", " ", text)
        # A bullet or heading without a full stop is a sentence of its own.
        sentences += [s for s in re.split(r"(?<=[.?!:;])\s+", text) if len(s.split()) > 0 and re.search(r"\w", s)]
    return sentences


def test_average_sentence_of_the_letters_fixed_text_is_at_most_15_words(docs, demo_services):
    sentences = []
    for discussion_id in demo_services.store.column(ANY_LETTER_SQL):
        sentences += fixed_sentences(docs, discussion_id)
    lengths = [len(s.split()) for s in sentences]
    assert len(sentences) > 60  # the whole letter was measured, not a fragment
    print(f"{len(sentences)} zinnen, gemiddeld {mean(lengths):.1f} woorden")
    assert mean(lengths) <= 15, sorted(zip(lengths, sentences, strict=True))[-5:]
    assert max(lengths) <= 30, max(zip(lengths, sentences, strict=True))
