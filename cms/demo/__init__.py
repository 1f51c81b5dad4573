"""Demo content: the registry each app adds its loader to.

`manage.py load_demo_content` imports every installed app's ``demo_content`` module
and runs the loaders registered here in order, so `cms` never imports the other apps.
The loaders are data tables fed through each app's `factories`.
"""

from dataclasses import dataclass, field


@dataclass(order=True)
class DemoLoader:
    order: int
    name: str = field(compare=False)
    function: object = field(compare=False)


_loaders = []


def demo_loader(order):
    """Register a function ``load(stdout)`` that creates demo content idempotently."""

    def register(function):
        name = f"{function.__module__}.{function.__name__}"
        if all(loader.name != name for loader in _loaders):
            _loaders.append(DemoLoader(order, name, function))
        return function

    return register


def registered_loaders():
    return sorted(_loaders)
