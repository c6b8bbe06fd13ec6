"""Which common words do the default term lists hold on their own? (a Scunthorpe audit)

    pip install wordfreq      # the word lists (not a Parley dependency)
    python bench/word_audit.py [--ko 20000] [--en 50000]

Screens each of the most frequent Korean and English words (wordfreq's lists) alone with
the default policy's in-request rules and prints every word that is held or refused, with
the entry that matched. Most are the swear words themselves; the rest are innocent words
that contain a listed one (`감염병` holding `염병`) and want an exception.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ko", type=int, default=20000, help="most frequent Korean words")
    ap.add_argument("--en", type=int, default=50000, help="most frequent English words")
    args = ap.parse_args()
    try:
        import wordfreq
    except ImportError:
        sys.exit("this audit needs the word lists: pip install wordfreq")
    from moderation.engine.defaults import default_text_policy
    from moderation.engine.screener import build_screener

    screener = build_screener(default_text_policy())
    for lang, n in (("ko", args.ko), ("en", args.en)):
        words = wordfreq.top_n_list(lang, n)
        held = []
        for rank, word in enumerate(words, 1):
            res = screener.screen(word)
            if res.hits:
                held.append((rank, word, res.action, sorted({h.term or h.rule for h in res.hits})))
        print(f"{lang}: {len(held)} of {len(words)} words held or refused on their own")
        for rank, word, action, terms in held:
            print(f"  {rank:6d} {word}\t{action}\t{', '.join(terms)}")


if __name__ == "__main__":
    main()
