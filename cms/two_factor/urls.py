from django.urls import include, path

from cms.two_factor import views

urlpatterns = [
    path("two-factor/", views.verify, name="two_factor_verify"),
    path("two-factor/setup/", views.setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
    path("two-factor/passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
]
