"""E-mail addresses of a function, not of a person: "post@", "kundeservice@", "personvern@".

GDPR art. 4(1): personal data relates to an identified or identifiable natural person. A shared
mailbox named after a task (the switchboard, customer service, the data protection officer's
inbox, a PO file's language team) identifies no one, and a translation of a privacy statement
must keep it. An address whose local part is a person's name or initials ("kari.nordmann@",
"kn@") is personal data and is never in this list.

The local part is compared whole, lower-cased; "-", "_" and "." between words count alike
("kontakt-oss", "no_reply", "customer.service").
"""

from __future__ import annotations

import re

ROLE_LOCAL_PARTS = frozenset("""
    post postmottak firmapost info informasjon kontakt kontaktoss kontakt-oss kontaktos kontakt-os contact
    contactus contact-us kundeservice kundeservis kundesenter kundesupport kunde kunder kundeservices
    customerservice customer-service customercare support help helpdesk hjelp servicedesk service
    press presse media pressekontakt personvern personvernombud privatliv privacy dpo gdpr databeskyttelse
    dataprotection data-protection noreply no-reply donotreply do-not-reply skade skademelding skadeservice
    claims salg sales ordre order orders bestilling booking faktura fakturamottak invoice invoices billing
    regnskap accounting okonomi økonomi finans finance hr personal jobb jobs job careers karriere
    rekruttering recruitment admin administrator webmaster postmaster hostmaster abuse security sikkerhet
    it ikt drift i18n l10n translation translations oversettelse translate office kontor mail epost email
    reception resepsjon sentralbord innkjop innkjøp purchasing marketing marked nyheter news newsletter
    nyhetsbrev feedback tilbakemelding klage klager complaints legal juridisk compliance ledelse styret
    board redaksjonen redaksjon tips kommune team hello
    da nb nn no en en-gb en-us sv de fr nynorsk bokmal bokmål norsk dansk danish norwegian english
""".split())

_SEPARATORS = re.compile(r"[-_.]")


def is_role_address(address: str) -> bool:
    """Whether an e-mail address is a shared mailbox ("kundeservice@fjordtrygd.no": yes; "kari@...": no)."""
    local, at, _ = address.strip().partition("@")
    if not at:
        return False
    local = local.lower()
    return local in ROLE_LOCAL_PARTS or _SEPARATORS.sub("", local) in ROLE_LOCAL_PARTS \
        or _SEPARATORS.sub("-", local) in ROLE_LOCAL_PARTS
