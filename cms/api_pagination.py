"""The open-data API's pagination, in a module of its own: REST framework imports it
from its settings while it is still loading, so it must import nothing else of ours."""

import re

from django.utils.translation import gettext as _

from rest_framework.exceptions import ParseError
from rest_framework.pagination import PageNumberPagination

from cms.links import absolute_url


class BaseUrlPagination(PageNumberPagination):
    """Next and previous links at BASE_URL, like every other link the site hands out,
    rather than at whatever host the request came in on. The page is a whole number from 1
    to a million, as the schema says: anything else answers 400 with a message (a page past
    the last stays REST framework's 404)."""

    last_page_strings = ()
    max_page = 1_000_000

    def get_page_number(self, request, paginator):
        number = request.query_params.get(self.page_query_param)
        if number is None:
            return 1
        if not re.fullmatch(r"[0-9]{1,7}", number) or not 1 <= int(number) <= self.max_page:
            raise ParseError(
                _("The page must be a whole number from 1 to %(max)s.") % {"max": self.max_page}
            )
        return int(number)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page)
        return parameters

    def get_next_link(self):
        return self._at_base_url(super().get_next_link())

    def get_previous_link(self):
        return self._at_base_url(super().get_previous_link())

    def _at_base_url(self, url):
        if url is None:
            return None
        path = url.split("://", 1)[-1]
        return absolute_url(path[path.find("/") :] if "/" in path else "/")
