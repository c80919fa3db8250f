import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.access.roles import ROLE_BY_KEY

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "An"
    last_name = "Nguyễn Văn"
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """UserFactory(role="editor") puts the user in that role's group."""
        if extracted:
            user.groups.add(Group.objects.get(name=ROLE_BY_KEY[extracted].group_name))
        if create:
            user.save()
