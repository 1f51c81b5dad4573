"""Two-factor sign-in for the Wagtail admin (django-otp: TOTP apps and recovery codes),
and the page django-axes shows when failed sign-ins lock an account or address."""
