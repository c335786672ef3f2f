#!/usr/bin/env python3
"""Checks Qt .ts files freshly refreshed by lupdate (the check_translations target).

--complete FILE  every live message needs a finished translation that keeps the
                 source's placeholders (%1, %n, ...) and its keyboard mnemonic (&x)
--plurals FILE   every live plural message ("%n item(s)") needs all its forms: used for
                 the source language, whose other messages fall back to the source text

Prints one line per problem and exits 1 if there is any.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

PLACEHOLDER = re.compile(r"%(?:n|L?[1-9][0-9]?)")
# "&Barcode:" has a mnemonic, "A && B" an escaped ampersand.
MNEMONIC = re.compile(r"(?<!&)&(?!&)\S")


def live_messages(path):
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            yield name, message, translation, kind


def texts_of(message, translation):
    if translation is None:
        return [""]
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")] or [""]
    return [translation.text or ""]


def check(path, plurals_only):
    problems = []
    count = 0
    for context, message, translation, kind in live_messages(path):
        numerus = message.get("numerus") == "yes"
        if plurals_only and not numerus:
            continue
        count += 1
        source = message.findtext("source", "")
        where = f'{os.path.basename(path)}: [{context}] "{source}"'
        texts = texts_of(message, translation)
        if kind == "unfinished" or any(not text.strip() for text in texts):
            problems.append(f"{where}: no finished translation")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            found = sorted(set(PLACEHOLDER.findall(text)))
            # A plural form may spell the number out ("1 item"), so %n is optional there.
            if numerus:
                wanted_here = [p for p in wanted if p != "%n"]
                found = [p for p in found if p != "%n"]
            else:
                wanted_here = wanted
            if found != wanted_here:
                problems.append(
                    f'{where}: placeholders {wanted_here} in the source, {found} in "{text}"'
                )
            if MNEMONIC.search(source) and not MNEMONIC.search(text):
                problems.append(f'{where}: the mnemonic (&) is missing in "{text}"')
    return count, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complete", action="append", default=[], metavar="FILE")
    parser.add_argument("--plurals", action="append", default=[], metavar="FILE")
    args = parser.parse_args()

    failed = False
    for path, plurals_only in [(p, False) for p in args.complete] + [
        (p, True) for p in args.plurals
    ]:
        count, problems = check(path, plurals_only)
        for problem in problems:
            print(problem)
        what = "plural messages" if plurals_only else "messages"
        print(f"{os.path.basename(path)}: {count} {what}, {len(problems)} problem(s)")
        failed = failed or bool(problems)
    if failed:
        print(
            "Translate them in translations/*.ts (Qt Linguist, or by hand: remove "
            'type="unfinished"), then run ./scripts/check-translations again.'
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
