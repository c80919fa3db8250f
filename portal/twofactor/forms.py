from django import forms
from django.utils.translation import gettext_lazy as _

WRONG_CODE = _(
    "This code is wrong, expired or already used. After a wrong code, wait a "
    "few seconds before trying again."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def wrong_code(self):
        self.add_error("code", WRONG_CODE)
