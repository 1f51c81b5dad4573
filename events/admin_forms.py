"""The event page's editor form: on a translation, the facts that do not depend on
language are shown read-only with the owner page's values. The model's save copies
them from the owner anyway, so a forged post cannot change them either."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from events.shared_facts import SHARED_FIELDS, SHARED_RELATIONS

SHARED_HELP = _("Shared by every language: change it on the page in the default language.")


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk or self.instance.is_fact_owner():
            return
        owner = self.instance.fact_owner()
        for name in (*SHARED_FIELDS, *SHARED_RELATIONS):
            field = self.fields.get(name)
            if field is None:
                continue
            field.disabled = True
            field.help_text = SHARED_HELP
            self.initial[name] = self._owner_value(owner, name)

    @staticmethod
    def _owner_value(owner, name):
        field = owner._meta.get_field(name)
        if field.many_to_many:
            return [related.pk for related in getattr(owner, name).all()]
        return getattr(owner, field.attname)
