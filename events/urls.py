"""Public URLs of the events app, served under each language prefix."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("ilmoittaudu/<int:event_id>/", views.register, name="register"),
    path("ilmoittautuminen/valmis/<str:token>/", views.registered, name="registered"),
    path("ilmoittautuminen/<str:token>/", views.manage, name="manage"),
]
