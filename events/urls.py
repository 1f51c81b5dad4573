"""Public URLs of the events app, served under each language prefix."""

app_name = "events"
urlpatterns = []
