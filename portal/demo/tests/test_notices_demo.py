from portal.demo.accounts import load_accounts
from portal.demo.followup import load_units
from portal.demo.notices import SYMBOLS, load_notices
from portal.documents.models import Document


def test_the_demo_turns_one_notice_into_tasks_and_leaves_one_to_try(db):
    load_accounts()
    load_units()

    assert load_notices() == 4
    assert load_notices() == 4, "reloading assigns nothing twice"

    drafted, pending = (Document.objects.get(symbol=symbol) for symbol in SYMBOLS)
    tasks = drafted.followup_tasks.order_by("pk")
    assert [str(task.lead_unit) for task in tasks] == [
        "Văn phòng Thành ủy",
        "Ban Tuyên giáo Thành ủy",
        "Ủy ban Kiểm tra Thành ủy",
        "Quận ủy Ba Đình",
    ]
    assert [str(unit) for unit in tasks[0].coordinating_units.all()] == [
        "Ban Tổ chức Thành ủy"
    ]
    assert tasks[2].recurrence == "quarterly"
    assert not pending.followup_tasks.exists()
