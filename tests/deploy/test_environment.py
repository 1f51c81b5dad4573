"""Every entry point reads BASE_URL the same way (issue 24): the environment, else the
checkout's .env file, else the default. A management command run by hand in another
shell thus links where `make run` serves."""

from cms.settings import environment


def test_a_env_file_gives_what_the_environment_does_not(tmp_path, monkeypatch):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# the address make run serves\n"
        "export BASE_URL='http://127.0.0.1:8105/'\n"
        'PAGE_CACHE="0"\n'
        "\n"
        "not a variable\n"
    )
    monkeypatch.setattr(environment, "_FILE", environment.read_env_file(env_file))
    monkeypatch.delenv("BASE_URL", raising=False)
    monkeypatch.delenv("PAGE_CACHE", raising=False)

    assert environment.base_url() == "http://127.0.0.1:8105"
    assert environment.run_address() == "127.0.0.1:8105"
    assert environment.env_bool("PAGE_CACHE", True) is False


def test_the_environment_wins_over_the_file(tmp_path, monkeypatch):
    env_file = tmp_path / ".env"
    env_file.write_text("BASE_URL=http://127.0.0.1:8105\n")
    monkeypatch.setattr(environment, "_FILE", environment.read_env_file(env_file))
    monkeypatch.setenv("BASE_URL", "https://osallisuus.example.org")

    assert environment.base_url() == "https://osallisuus.example.org"


def test_without_either_the_default_applies(tmp_path, monkeypatch):
    monkeypatch.setattr(environment, "_FILE", environment.read_env_file(tmp_path / ".env"))
    monkeypatch.delenv("BASE_URL", raising=False)

    assert environment.base_url() == "http://127.0.0.1:8000"
    assert environment.run_address() == "127.0.0.1:8000"
