import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the local admin user once and print its login (development only)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            # A login whose password sits in a file is for a laptop, never a live site.
            raise CommandError(
                "ensure_admin is for development only. On a production site create the "
                "first admin with `manage.py createsuperuser` (see docs/deploy.md)."
            )
        password_file = Path(settings.VAR_DIR) / "admin-password.txt"
        if not password_file.exists():
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(secrets.token_urlsafe(12))
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        user, created = get_user_model().objects.get_or_create(
            username="admin",
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        # Both addresses come from BASE_URL (host and port), where `make run` serves.
        admin_url = f"{settings.BASE_URL}/{settings.WAGTAIL_ADMIN_PATH}"
        self.stdout.write(f"Site: {settings.BASE_URL}/")
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {admin_url}  user: admin  password: {password}")
        )
