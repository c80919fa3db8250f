from django.apps import apps
from django_tasks import task


@task()
def recognise_file(recognition_id):
    """Recognise a scan's text in the background worker (see engine.py)."""
    recognition = (
        apps.get_model("ocr", "Recognition").objects.filter(pk=recognition_id).first()
    )
    if recognition is not None:  # not dropped meanwhile
        recognition.run()
