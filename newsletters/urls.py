"""Public URLs of the newsletters app, served under each language prefix, and the
ESPs' tracking webhooks (closed until ANYMAIL["WEBHOOK_SECRET"] is set; anymail checks
it by basic auth)."""

from django.urls import include, path

from newsletters import views
from newsletters.webhooks import tracking_patterns

app_name = "newsletters"
urlpatterns = [
    path("uutiskirjeet/tilaa/", views.subscribe, name="subscribe"),
    path("uutiskirjeet/tilaa/kiitos/", views.subscribe_thanks, name="subscribe_thanks"),
    path("uutiskirjeet/vahvista/<str:token>/", views.confirm, name="confirm"),
    path("uutiskirjeet/asetukset/<str:token>/", views.preferences, name="preferences"),
    path("uutiskirjeet/peru/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("uutiskirjeet/anymail/", include((tracking_patterns(), "anymail"))),
]
