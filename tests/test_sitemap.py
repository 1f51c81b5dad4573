"""Every address in sitemap.xml answers 200 with the demo content: a search engine
that follows the sitemap meets no 404 (an unsent newsletter issue, say) and no
redirect, in any language."""

import io
import re
from urllib.parse import urlsplit

from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def test_every_address_in_the_sitemap_answers_200(client):
    call_command("load_demo_content", stdout=io.StringIO())
    xml = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>(.*?)</loc>", xml)]

    answers = {path: client.get(path).status_code for path in paths}

    assert len(paths) > 100
    assert {path: code for path, code in answers.items() if code != 200} == {}
