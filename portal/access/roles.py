"""The roles of the brief, as Django groups with their Wagtail permissions.

Group names are the Vietnamese ones users see in the admin; code refers to roles
by their key.
"""

from dataclasses import dataclass, field

EDITING = ["add_page", "change_page"]
PUBLISHING = [*EDITING, "publish_page", "lock_page", "unlock_page"]
MEDIA = ["add_image", "change_image", "choose_image"]
# The archive's documents, edited as snippets.
DRAFTING = [
    "documents.add_document",
    "documents.change_document",
    "documents.lock_document",
]
APPROVING = [*DRAFTING, "documents.publish_document", "documents.delete_document"]
MODERATING = ["comments.view_comment", "comments.change_comment"]
# The weekly work schedule's events, edited as snippets like documents.
SCHEDULING = [
    "schedule.add_event",
    "schedule.change_event",
    "schedule.lock_event",
]
APPROVING_SCHEDULE = [
    *SCHEDULING,
    "schedule.publish_event",
    "schedule.delete_event",
]
REGISTERING = [
    *DRAFTING,
    "documents.add_issuingbody",
    "documents.change_issuingbody",
    "documents.add_subjectarea",
    "documents.change_subjectarea",
]
# Follow-up of conclusions: the office sees every task, clerks assign them.
FOLLOWING_UP = ["followup.view_task", "followup.view_unit"]
ASSIGNING = [
    *FOLLOWING_UP,
    "followup.add_task",
    "followup.change_task",
    "followup.add_unit",
    "followup.change_unit",
]
# The staff directory's positions and phones, kept with the units by clerks.
KEEPING_DIRECTORY = [
    "directory.add_staffcontact",
    "directory.change_staffcontact",
    "directory.delete_staffcontact",
]

# Readers' questions: units draft answers (to the questions of their units),
# clerks assign questions to units, approvers publish the answers.
ANSWERING_QUESTIONS = ["questions.view_question", "questions.change_question"]
ASSIGNING_QUESTIONS = [*ANSWERING_QUESTIONS, "questions.assign_question"]
PUBLISHING_QUESTIONS = [*ANSWERING_QUESTIONS, "questions.publish_question"]

# The correspondence registers: clerks keep them, leaders read them and route
# incoming documents to the units (clerks record instructions for them too).
READING_REGISTERS = [
    "correspondence.view_incomingdocument",
    "correspondence.view_outgoingdocument",
]
ROUTING = ["correspondence.add_routing", "correspondence.change_routing"]
# Meetings: the office organises them (clerks), leaders read them and their counts.
READING_MEETINGS = ["meetings.view_meeting"]
ORGANISING_MEETINGS = [
    *READING_MEETINGS,
    "meetings.add_meeting",
    "meetings.change_meeting",
]
# Drafts of outgoing documents: their units and step holders see their own;
# the office (leaders, clerks, administrators) sees every one.
READING_DRAFTS = ["drafting.view_draft"]
# Where signing keys live (files, tokens): administrators only.
MANAGING_SIGNING_KEYS = [
    "signing.view_signingkey",
    "signing.add_signingkey",
    "signing.change_signingkey",
    "signing.delete_signingkey",
]
# Which directory or single sign-on identity signs into which account.
MANAGING_ACCOUNT_LINKS = [
    "accounts.view_externalaccount",
    "accounts.add_externalaccount",
    "accounts.change_externalaccount",
    "accounts.delete_externalaccount",
]
KEEPING_REGISTERS = [
    *READING_REGISTERS,
    *ROUTING,
    "correspondence.add_incomingdocument",
    "correspondence.change_incomingdocument",
    "correspondence.add_outgoingdocument",
    "correspondence.change_outgoingdocument",
    "correspondence.release_outgoingdocument",
]


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    # "app_label.codename" model or app permissions
    permissions: list[str] = field(default_factory=list)
    # codenames granted on the page tree's root
    page_permissions: list[str] = field(default_factory=list)
    # image codenames granted on the root collection
    collection_permissions: list[str] = field(default_factory=list)


ADMIN_ACCESS = "wagtailadmin.access_admin"

ROLES = [
    Role("staff", "Cán bộ"),
    Role(
        "editor",
        "Biên tập viên",
        permissions=[
            ADMIN_ACCESS,
            *DRAFTING,
            *MODERATING,
            *SCHEDULING,
            *ANSWERING_QUESTIONS,
        ],
        page_permissions=EDITING,
        collection_permissions=MEDIA,
    ),
    Role(
        "approver",
        "Người duyệt",
        permissions=[
            ADMIN_ACCESS,
            *APPROVING,
            *APPROVING_SCHEDULE,
            *MODERATING,
            *FOLLOWING_UP,
            *READING_REGISTERS,
            *ROUTING,
            *READING_MEETINGS,
            *PUBLISHING_QUESTIONS,
            *READING_DRAFTS,
        ],
        page_permissions=PUBLISHING,
        collection_permissions=MEDIA,
    ),
    Role(
        "clerk",
        "Văn thư",
        permissions=[
            ADMIN_ACCESS,
            *REGISTERING,
            *ASSIGNING,
            *KEEPING_DIRECTORY,
            *KEEPING_REGISTERS,
            *ORGANISING_MEETINGS,
            *ASSIGNING_QUESTIONS,
            *READING_DRAFTS,
        ],
        page_permissions=EDITING,
    ),
    Role(
        "admin",
        "Quản trị",
        permissions=[
            ADMIN_ACCESS,
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "wagtailcore.add_site",
            "wagtailcore.change_site",
            "home.change_officeinformation",
            *APPROVING,
            *APPROVING_SCHEDULE,
            *REGISTERING,
            *MODERATING,
            "comments.delete_comment",
            *ASSIGNING,
            *KEEPING_DIRECTORY,
            *KEEPING_REGISTERS,
            *ORGANISING_MEETINGS,
            *ASSIGNING_QUESTIONS,
            "questions.publish_question",
            *MANAGING_SIGNING_KEYS,
            *MANAGING_ACCOUNT_LINKS,
            *READING_DRAFTS,
        ],
        page_permissions=PUBLISHING,
        collection_permissions=MEDIA,
    ),
]

ROLE_BY_KEY = {role.key: role for role in ROLES}


def sync_roles(apps):
    """Make each role's group hold exactly the role's permissions (idempotent).

    A permission dropped from a role here is taken from its group on the next
    migrate; grant extra rights through groups of their own, not the roles'.
    Takes an app registry so that migrations can call it with historical models.
    Permissions that do not exist yet are skipped: Wagtail creates a snippet's
    publish and lock permissions after migrating, when this runs again.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    def permissions(app_label, codenames):
        return list(
            Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.group_name)
        group.permissions.set(
            [
                permission
                for app_label, codename in (
                    dotted.split(".") for dotted in role.permissions
                )
                for permission in permissions(app_label, [codename])
            ]
        )
        for model, place, app_label, codenames in (
            (
                GroupPagePermission,
                {"page": root_page},
                "wagtailcore",
                role.page_permissions,
            ),
            (
                GroupCollectionPermission,
                {"collection": root_collection},
                "wagtailimages",
                role.collection_permissions,
            ),
        ):
            wanted = permissions(app_label, codenames)
            model.objects.filter(group=group, **place).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                model.objects.get_or_create(group=group, permission=permission, **place)
