"""The open-data API's pagination, in a module of its own: REST framework imports it
from its settings while it is still loading, so it must import nothing else of ours."""

from rest_framework.pagination import PageNumberPagination

from cms.links import absolute_url


class BaseUrlPagination(PageNumberPagination):
    """Next and previous links at BASE_URL, like every other link the site hands out,
    rather than at whatever host the request came in on."""

    def get_next_link(self):
        return self._at_base_url(super().get_next_link())

    def get_previous_link(self):
        return self._at_base_url(super().get_previous_link())

    def _at_base_url(self, url):
        if url is None:
            return None
        path = url.split("://", 1)[-1]
        return absolute_url(path[path.find("/") :] if "/" in path else "/")
