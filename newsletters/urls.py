"""Public URLs of the newsletters app, served under each language prefix."""

app_name = "newsletters"
urlpatterns = []
