"""The map of Finland on the project directory: the wellbeing services counties as a tile
map drawn from the grid below (shipped with the code; no map tiles are fetched), every
tile a link to the directory filtered by that county, and the same figures as a table.

A tile map keeps every county the same size, so small southern counties stay readable
and clickable on a phone; the grid keeps each in its rough place.
"""

from dataclasses import dataclass

from django.db.models import OuterRef

from cms.models import Region
from network.facets import REGION_GROUPS, SubqueryCount
from network.models.projects import Project

# (column, row) of each county's tile, west to east and north to south.
TILES = {
    "lappi": (2, 0),
    "pohjois-pohjanmaa": (2, 1),
    "kainuu": (3, 1),
    "keski-pohjanmaa": (1, 2),
    "pohjois-savo": (3, 2),
    "pohjois-karjala": (4, 2),
    "pohjanmaa": (0, 3),
    "etela-pohjanmaa": (1, 3),
    "keski-suomi": (2, 3),
    "etela-savo": (3, 3),
    "satakunta": (0, 4),
    "pirkanmaa": (1, 4),
    "paijat-hame": (2, 4),
    "etela-karjala": (3, 4),
    "varsinais-suomi": (0, 5),
    "kanta-hame": (1, 5),
    "keski-uusimaa": (2, 5),
    "kymenlaakso": (3, 5),
    "lansi-uusimaa": (1, 6),
    "vantaa-kerava": (2, 6),
    "ita-uusimaa": (3, 6),
    "helsinki": (2, 7),
}
TILE_WIDTH, TILE_HEIGHT, GAP = 124, 64, 6
COLUMNS, ROWS = 5, 8


@dataclass
class Tile:
    region: Region
    x: int
    y: int
    dark: bool

    @property
    def text_x(self):
        return self.x + TILE_WIDTH // 2


@dataclass
class RegionMap:
    tiles: list
    rows: list
    width: int = COLUMNS * (TILE_WIDTH + GAP)
    height: int = ROWS * (TILE_HEIGHT + GAP)
    tile_width: int = TILE_WIDTH
    tile_height: int = TILE_HEIGHT


def counted_regions():
    """Every region with its number of projects, all and running, in one query; a
    regional whole counts the projects of its counties too."""
    in_region = Region.q_within("regions", OuterRef("pk"))
    projects = Project.objects.filter(in_region).order_by().values("pk").distinct()
    regions = Region.objects.annotate(
        total=SubqueryCount(projects),
        running=SubqueryCount(projects.filter(Project.status_q(Project.Status.RUNNING))),
    )
    return sorted(regions, key=lambda region: REGION_GROUPS.index(region.kind))


def region_map():
    rows = counted_regions()
    most = max((region.total for region in rows), default=0) or 1
    tiles = []
    for region in rows:
        if region.slug in TILES:
            column, row = TILES[region.slug]
            x, y = column * (TILE_WIDTH + GAP), row * (TILE_HEIGHT + GAP)
            tiles.append(Tile(region, x, y, dark=region.total * 2 > most))
    return RegionMap(tiles, rows)
