"""Which findings are acted on: entity types, score thresholds, allow and deny lists, special categories.

A policy can be read from TOML (``--config FILE``)::

    score_threshold = 0.5
    ignore_entities = ["URL"]
    allow_list = ["Oslo kommune", "Kari Nordmann"]   # never replaced
    deny_list = ["Prosjekt Tiur"]                    # always replaced, as DENY_LIST
    keep_special = false
    company_numbers = "ignore"   # organisation numbers next to AS, ApS, kommune...: not personal data
    role_addresses = "ignore"    # shared mailboxes (post@, kundeservice@, personvern@...): not personal data

    [thresholds]
    PERSON = 0.6
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from recognizers.company_forms import COMPANY_FORM_PATTERN
from recognizers.role_addresses import is_role_address
from screening.document import CATEGORY_SPECIAL, Finding, Segment

# Found by the NER model or Presidio but not personal data on their own.
NOT_PERSONAL = frozenset({"LOCATION", "ORGANIZATION", "NRP", "DATE_TIME", "MISC"})
DENY_LIST_TYPE = "DENY_LIST"
# An organisation number identifies a person only when the organisation is one person (a sole
# proprietorship). Next to a company form ("Fjordkraft AS, org.nr. ...") it is a company's number.
COMPANY_NUMBER_TYPES = frozenset({"NO_ORGANISASJONSNUMMER", "DK_CVR"})
_COMPANY_WINDOW = 60


class PolicyError(Exception):
    """The policy file is missing or wrong; the message names the file and the problem."""


@dataclass
class Policy:
    score_threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)
    entities: frozenset[str] | None = None  # None: every personal-data type
    ignore_entities: frozenset[str] = NOT_PERSONAL
    allow_list: frozenset[str] = frozenset()
    deny_list: tuple[str, ...] = ()
    keep_special: bool = False
    company_numbers: str = "ignore"  # "report": also organisation numbers of companies
    role_addresses: str = "ignore"  # "report": also shared mailboxes such as post@ or kundeservice@

    @classmethod
    def from_toml(cls, path: Path) -> "Policy":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise PolicyError(f"{path}: cannot read policy ({error.strerror})") from None
        except tomllib.TOMLDecodeError as error:
            raise PolicyError(f"{path}: invalid TOML ({error})") from None
        known = {"score_threshold", "thresholds", "entities", "ignore_entities", "allow_list", "deny_list",
                 "keep_special", "company_numbers", "role_addresses"}
        unknown = set(data) - known
        if unknown:
            raise PolicyError(f"{path}: unknown policy keys: {', '.join(sorted(unknown))}")
        policy = cls()
        if "score_threshold" in data:
            policy.score_threshold = float(data["score_threshold"])
        policy.thresholds = {str(k): float(v) for k, v in data.get("thresholds", {}).items()}
        if "entities" in data:
            policy.entities = frozenset(data["entities"])
        if "ignore_entities" in data:
            policy.ignore_entities = NOT_PERSONAL | frozenset(data["ignore_entities"])
        policy.allow_list = frozenset(data.get("allow_list", ()))
        policy.deny_list = tuple(data.get("deny_list", ()))
        policy.keep_special = bool(data.get("keep_special", False))
        policy.company_numbers = str(data.get("company_numbers", "ignore"))
        if policy.company_numbers not in ("ignore", "report"):
            raise PolicyError(f"{path}: company_numbers must be \"ignore\" or \"report\"")
        policy.role_addresses = str(data.get("role_addresses", "ignore"))
        if policy.role_addresses not in ("ignore", "report"):
            raise PolicyError(f"{path}: role_addresses must be \"ignore\" or \"report\"")
        return policy

    def reports(self, finding: Finding) -> bool:
        """Whether a finding is personal data worth reporting at all."""
        if finding.entity_type in self.ignore_entities:
            return False
        if self.entities is not None and finding.entity_type not in self.entities and finding.category != CATEGORY_SPECIAL:
            return False
        if finding.text.strip() in self.allow_list:
            return False
        if finding.entity_type == "EMAIL_ADDRESS" and self.role_addresses == "ignore" and is_role_address(finding.text):
            return False
        return finding.score >= self.thresholds.get(finding.entity_type, self.score_threshold)

    def is_company_number(self, finding: Finding, segment_text: str) -> bool:
        """An organisation number standing next to a company form: not personal data."""
        if finding.entity_type not in COMPANY_NUMBER_TYPES or self.company_numbers == "report":
            return False
        window = segment_text[max(0, finding.start - _COMPANY_WINDOW):finding.end + _COMPANY_WINDOW]
        return bool(COMPANY_FORM_PATTERN.search(window))

    def redacts(self, finding: Finding) -> bool:
        """Whether a reported finding is replaced in the sanitized copy."""
        if finding.category == CATEGORY_SPECIAL:
            return not self.keep_special and finding.metadata.get("about_person", True) is not False
        return True

    def deny_findings(self, segments: Iterable[Segment]) -> list[Finding]:
        """Findings for every occurrence of a deny-list term."""
        if not self.deny_list:
            return []
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(term)}(?!\w)" for term in self.deny_list))
        return [
            Finding(segment.id, m.start(), m.end(), DENY_LIST_TYPE, 1.0, m.group(), recognizer="deny_list")
            for segment in segments
            for m in pattern.finditer(segment.text)
        ]
