"""Public URLs of the network app, served under each language prefix."""

from django.urls import path

from network.assessments import views as assessments
from network.members import views

ASSESSMENT = "oma-sivu/hankkeet/<slug:slug>/apukysymykset/<str:stage>/"

app_name = "network"
urlpatterns = [
    path("oma-sivu/", views.my_page_view, name="my_page"),
    path("oma-sivu/kirjaudu/", views.sign_in_request, name="sign_in_request"),
    path("oma-sivu/kirjaudu/lahetetty/", views.sign_in_sent, name="sign_in_sent"),
    path("oma-sivu/kirjaudu/<str:token>/", views.sign_in_with_link, name="sign_in"),
    path("oma-sivu/kirjaudu-ulos/", views.sign_out_view, name="sign_out"),
    path("oma-sivu/tietoni.json", views.download, name="download"),
    path("oma-sivu/poista/", views.delete, name="delete"),
    path("apukysymykset/", assessments.reflection_sheet, name="reflection_sheet"),
    path(f"{ASSESSMENT}", assessments.edit, name="assessment_edit"),
    path(f"{ASSESSMENT}tulos/", assessments.result, name="assessment_result"),
    path(f"{ASSESSMENT}jaa/", assessments.share, name="assessment_share"),
]
