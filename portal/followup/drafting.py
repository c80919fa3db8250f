"""Draft follow-up tasks from the text of a conclusion notice or a plan.

A notice assigns its tasks in a few set forms: numbered or dashed directives,
and sentences that begin "Giao …", "Đề nghị …" or "Yêu cầu …", with the lead
unit first and its partners after "chủ trì, phối hợp với …". The parser reads
those forms, matches the units against the units tree (full names, short forms
without "Thành ủy", abbreviations such as "BTGTU" or "UBND"), and reads the
deadline and any recurrence from the wording. It proposes; a clerk confirms.

Matching runs on a folded, lower-case copy of the text whose characters stay at
the same positions as the original's, so what is found can be cut from the
original wording.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from portal.core.text import fold, normalize
from portal.core.uploads import detect_kind
from portal.documents.extraction import TextStatus, extract_text

# Usual abbreviations inside unit names, in both directions.
NAME_ABBREVIATIONS = {
    "ủy ban nhân dân": "ubnd",
    "hội đồng nhân dân": "hđnd",
    "mặt trận tổ quốc": "mttq",
    "ủy ban kiểm tra": "ubkt",
    "thành phố": "tp",
}
# Dropped to give a unit's short form: "Ban Tuyên giáo Thành ủy" -> "Ban Tuyên giáo".
NAME_TAILS = ("thành ủy", "tỉnh ủy", "thành phố", "tỉnh")
# Numbered items that record a view rather than assign work.
NOT_DIRECTIVES = (
    "ghi nhan",
    "danh gia",
    "bieu duong",
    "hoan nghenh",
    "thong nhat",
    "co ban thong nhat",
    "co ban dong y",
    "dong y",
    "nhat tri",
    "thong qua",
)
ASSIGNING = r"(?:giao|de nghi|yeu cau)"
ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zđ][.)]|[-–•+])\s+", re.IGNORECASE)
HEADING = re.compile(r"^\s*[IVX]+[.)]\s")
RECIPIENTS = re.compile(r"^\s*noi nhan\s*:")
# Sections that state aims or assess, and assign nothing: "I. MỤC ĐÍCH, YÊU
# CẦU", "ƯU ĐIỂM", "HẠN CHẾ, KHUYẾT ĐIỂM" (but "III. YÊU CẦU" after an
# inspection lists what the inspected body must do).
ASSESSING_HEADING = re.compile(r"\b(?:muc dich|uu diem|han che|danh gia)\b")
# "Ban Thường vụ Huyện ủy Diễn Châu" acts for "Huyện ủy Diễn Châu".
LEADERSHIP = re.compile(r"(?:ban thuong vu|thuong truc|ban chap hanh)\s+")
# Two assignments in one item: "…; giao Ủy ban Kiểm tra …".
CLAUSE_BREAK = re.compile(rf"(?:;|\.)\s+(?={ASSIGNING}\b)")
SEPARATOR = re.compile(r"\s*(?:,|\bva\b)\s*")
ROLE = re.compile(r"\s*,?\s*(?:chu tri\b\s*,?\s*)?(?:phoi hop voi\b\s*)?")
NOTICE_DAY = re.compile(r"ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})")

DAY = r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"
DEADLINES = [
    # "trước ngày 15 tháng 12 năm 2025"
    ("day", re.compile(r"\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})")),
    # "trước ngày 30/6/2025", "chậm nhất ngày 20/10", "xong trước 31/12/2026"
    ("day", re.compile(rf"\b(?:truoc|cham nhat|han)\s+(?:ngay\s+)?{DAY}")),
    # "trong tháng 6/2025", "trong tháng 6 năm 2025"
    ("month", re.compile(r"\btrong thang (\d{1,2})\s*(?:/|nam)\s*(\d{4})")),
    # "quý III/2025", "quý IV năm 2026"
    ("quarter", re.compile(r"\bquy (i{1,3}|iv|[1-4])\s*(?:/|nam)\s*(\d{4})")),
    # "trong năm 2026"
    ("year", re.compile(r"\btrong nam (\d{4})")),
]
RECURRENCES = [
    ("monthly", re.compile(r"\bhang thang\b")),
    ("quarterly", re.compile(r"\bhang quy\b|\b3 thang (?:mot|1) lan\b")),
    ("yearly", re.compile(r"\bhang nam\b")),
]
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


class UnreadableNotice(ValueError):
    pass


def text_of(file):
    """The text of a notice given as plain text (UTF-8), PDF, DOCX or ODT."""
    if detect_kind(file) is not None:
        extraction = extract_text(file)
        if extraction.status != TextStatus.EXTRACTED:
            raise UnreadableNotice(TextStatus(extraction.status).label)
        return extraction.text
    file.seek(0)
    try:
        return file.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableNotice(
            _("The file is neither UTF-8 text nor a PDF, DOCX or ODT document.")
        ) from error


def canonical(folded):
    """One spelling of a folded name: single spaces, none around commas."""
    return re.sub(r"\s*,\s*", ",", " ".join(folded.split()))


def searchable(text):
    """Lower-case and folded, each character where it was in ``text``."""
    return "".join((fold(char).lower() or char)[:1] for char in text)


@dataclass
class DraftTask:
    content: str
    lead_unit: object = None
    coordinating_units: list = field(default_factory=list)
    deadline: date | None = None
    recurrence: str | None = None

    def as_dict(self):
        return {
            "content": self.content,
            "lead_unit": self.lead_unit.name if self.lead_unit else None,
            "coordinating_units": [unit.name for unit in self.coordinating_units],
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "recurrence": self.recurrence,
        }


class UnitNames:
    """Finds units in folded text by their names, short forms and abbreviations."""

    def __init__(self, units):
        aliases = {}
        for unit in units:
            for alias in self.aliases_of(unit):
                aliases.setdefault(alias, set()).add(unit)
        # A short form shared by two units names neither.
        self.units = {
            alias: next(iter(owners))
            for alias, owners in aliases.items()
            if len(owners) == 1
        }
        alternatives = sorted(self.units, key=len, reverse=True)
        self.pattern = re.compile(
            "|".join(
                r"\b" + r"\s*,\s*".join(map(re.escape, alias.split(","))) + r"\b"
                for alias in alternatives
            )
            or r"(?!)"
        )

    @staticmethod
    def aliases_of(unit):
        name = normalize(unit.name).lower()
        forms = {name}
        for tail in NAME_TAILS:
            if name.endswith(" " + tail) and len(name.split()) > len(tail.split()) + 1:
                forms.add(name.removesuffix(" " + tail))
        for long, short in NAME_ABBREVIATIONS.items():
            forms |= {form.replace(long, short) for form in forms}
        aliases = {canonical(searchable(form)) for form in forms}
        if unit.abbreviation:
            aliases.add(canonical(searchable(normalize(unit.abbreviation))))
        return aliases

    def list_at(self, text, position):
        """The units named one after another from ``position``, and where they end."""
        found = []
        while match := self.match(text, position):
            found.append(self.units[canonical(match.group())])
            position = match.end()
            separator = SEPARATOR.match(text, position)
            if not separator or not self.match(text, separator.end()):
                break
            position = separator.end()
        return found, position

    def match(self, text, position):
        if leadership := LEADERSHIP.match(text, position):
            if match := self.pattern.match(text, leadership.end()):
                return match
        return self.pattern.match(text, position)


def notice_date(text):
    if match := NOTICE_DAY.search(searchable(text[:2000])):
        day, month, year = map(int, match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    return None


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def read_deadline(folded, issued):
    """The earliest-written deadline of a clause, or None."""
    found = []
    for kind, pattern in DEADLINES:
        for match in pattern.finditer(folded):
            try:
                day = deadline_of(kind, match.groups(), issued)
            except ValueError:  # "31/2": not a day
                continue
            found.append((match.start(), day))
    return min(found)[1] if found else None


def deadline_of(kind, groups, issued):
    if kind == "day":
        day, month, year = groups
        if year is None:  # "trước ngày 30/9": the next 30 September
            deadline = date(issued.year, int(month), int(day))
            return (
                deadline
                if deadline >= issued
                else deadline.replace(year=issued.year + 1)
            )
        return date(int(year), int(month), int(day))
    if kind == "month":
        return month_end(int(groups[1]), int(groups[0]))
    if kind == "quarter":
        return month_end(int(groups[1]), QUARTERS[groups[0]] * 3)
    return date(int(groups[0]), 12, 31)


def read_recurrence(folded):
    found = [
        (match.start(), name)
        for name, pattern in RECURRENCES
        if (match := pattern.search(folded))
    ]
    return min(found)[1] if found else None


def passages(text):
    """The notice as ("heading" | "item" | "sentence", text): numbered or dashed
    items, plain sentences, and the headings that start each section; sections
    that only assess are left out."""
    found, current, assessing = [], None, False
    for line in text.splitlines():
        folded = searchable(line)
        if RECIPIENTS.match(folded):
            break
        if HEADING.match(line):
            assessing = bool(ASSESSING_HEADING.search(folded))
            found.append(["heading", line.strip()])
            current = None
            continue
        if not line.strip() or assessing:
            current = None
            continue
        if mark := ITEM_MARK.match(line):
            current = ["item", line[mark.end() :].strip()]
            found.append(current)
        elif current and current[0] == "item":
            current[1] += " " + line.strip()
        else:
            found.extend(
                ["sentence", part] for part in re.split(r"(?<=\.)\s+", line.strip())
            )
            current = None
    return found


def is_directive(kind, folded, names):
    if re.match(rf"{ASSIGNING}\b", folded):
        return True
    if kind == "item":
        return not folded.startswith(NOT_DIRECTIVES)
    # A plain sentence assigns work when a unit "chủ trì" it.
    units, position = names.list_at(folded, 0)
    return bool(units) and bool(re.match(r"\s*,?\s*chu tri\b", folded[position:]))


def draft_tasks(text, units, issued=None):
    """The tasks a notice assigns, in the order it lists them."""
    text = normalize(text)
    issued = issued or notice_date(text) or date.today()
    names = UnitNames(units)
    drafts = []
    # "Đề nghị Ban Thường vụ Đảng ủy Khối:" names who leads the items below it.
    lead_in = None
    for kind, passage in passages(text):
        if kind == "heading":
            lead_in = None
            continue
        folded_passage = searchable(passage)
        if passage.rstrip().endswith(":"):
            # "Ủy ban Kiểm tra Tỉnh ủy đề nghị Ban Thường vụ Đảng ủy Khối:"
            verbs = list(re.finditer(rf"\b{ASSIGNING}\s+", folded_passage))
            after = verbs[-1].end() if verbs else 0
            units_named = names.list_at(folded_passage, after)[0]
            lead_in = units_named[0] if units_named else None
            continue
        breaks = list(CLAUSE_BREAK.finditer(folded_passage))
        starts = [0, *(m.end() for m in breaks)]
        ends = [*(m.start() for m in breaks), len(passage)]
        for start, end in zip(starts, ends, strict=True):
            clause, folded = (
                passage[start:end].strip(),
                folded_passage[start:end].strip(),
            )
            if len(clause) < 10 or not is_directive(kind, folded, names):
                continue
            task = draft(clause, folded, names, issued)
            if task.lead_unit is None and kind == "item":
                task.lead_unit = lead_in
            drafts.append(task)
    return drafts


def draft(clause, folded, names, issued):
    position = 0
    if verb := re.match(rf"{ASSIGNING}\s+", folded):
        position = verb.end()
    units, position = names.list_at(folded, position)
    coordinating = units[1:]
    if units:
        role = ROLE.match(folded, position)
        if "phoi hop" in role.group():
            partners, after = names.list_at(folded, role.end())
            if partners:
                coordinating += partners
                position = after
            else:
                position = role.start()
        else:
            position = role.end()
    else:
        position = 0
    content = clause[position:].strip(" ,;.")
    return DraftTask(
        content=content[:1].upper() + content[1:],
        lead_unit=units[0] if units else None,
        coordinating_units=[
            unit
            for unit in dict.fromkeys(coordinating)
            if unit != (units[0] if units else None)
        ],
        deadline=read_deadline(folded, issued),
        recurrence=read_recurrence(folded),
    )
