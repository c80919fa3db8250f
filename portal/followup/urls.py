from django.urls import path

from portal.followup.views import dashboard, intranet, tasks

app_name = "followup"

urlpatterns = [
    path("", intranet.intranet, name="intranet"),
    path("nhiem-vu/", tasks.task_list, name="tasks"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/bao-cao/", tasks.report_progress, name="report"),
    path("nhiem-vu/<int:pk>/gia-han/", tasks.request_extension, name="extension"),
    path("nhiem-vu/<int:pk>/ket-thuc/", tasks.close_task, name="close"),
    path("nhiem-vu/<int:pk>/chuyen-sang/", tasks.carry_over, name="carry_over"),
    path("gia-han/<int:pk>/quyet-dinh/", tasks.decide_extension, name="decide"),
    path("giao-nhiem-vu/<int:document_pk>/", tasks.assign_tasks, name="assign"),
    path(
        "giao-nhiem-vu/<int:document_pk>/de-xuat/",
        tasks.draft_tasks_from_document,
        name="draft",
    ),
    path("bao-cao/<int:pk>/tep/", tasks.report_attachment, name="attachment"),
    path("thong-ke/", dashboard.dashboard, name="dashboard"),
    path("thong-bao/", intranet.notifications, name="notifications"),
    path(
        "thong-bao/da-doc/",
        intranet.mark_notifications_read,
        name="notifications_read",
    ),
    path("thong-bao/<int:pk>/", intranet.read_notification, name="notification"),
    path(
        "thong-bao/<int:pk>/da-doc/",
        intranet.mark_notifications_read,
        name="notification_read",
    ),
]
