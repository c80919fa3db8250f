"""A directory entry as a vCard 3.0 (RFC 2426), which phones and mail
programs import."""


def escape(value):
    """Text as a vCard value: backslashes, commas, semicolons and newlines escaped."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line, limit=75):
    """Lines longer than 75 octets go on in lines that start with a space,
    never splitting a UTF-8 character."""
    parts, current = [], ""
    for char in line:
        width = limit if not parts else limit - 1
        if len((current + char).encode()) > width:
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return "\r\n ".join(parts)


def unit_path(unit):
    """The unit and the units above it, the highest first."""
    path = []
    while unit is not None:
        path.insert(0, unit.name)
        unit = unit.parent
    return path


def vcard(person):
    user = person.user
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape(user.last_name)};{escape(user.first_name)};;;",
        f"FN:{escape(person.name)}",
        "ORG:" + ";".join(escape(name) for name in unit_path(person.unit)),
    ]
    if person.position:
        lines.append(f"TITLE:{escape(person.position)}")
    if person.office_phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(person.office_phone)}")
    if person.mobile_phone:
        lines.append(f"TEL;TYPE=CELL,VOICE:{escape(person.mobile_phone)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(person.email)}")
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)
