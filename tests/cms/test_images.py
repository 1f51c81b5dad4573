import pytest
from wagtail_factories import ImageFactory

from cms.models import CustomImage

pytestmark = pytest.mark.django_db


class CustomImageFactory(ImageFactory):
    class Meta:
        model = CustomImage


def test_image_alt_text_defaults_to_the_editors_description():
    image = CustomImageFactory(title="kuva.jpg", description="Kaksi ihmistä juo kahvia")

    assert image.default_alt_text == "Kaksi ihmistä juo kahvia"


def test_decorative_image_has_empty_alt_text():
    image = CustomImageFactory(description="Koristekuvio", is_decorative=True)

    assert image.default_alt_text == ""
