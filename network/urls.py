"""Public URLs of the network app, served under each language prefix."""

app_name = "network"
urlpatterns = []
