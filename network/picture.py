"""The picture of a network: three circles around the client and a dot with an initial
for each person, in their circle. Only numbers for the template's inline SVG (no script,
no image file); the list beside it on the page says the same in words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Circle, Person

SIZE = 320  # the SVG's viewBox is SIZE × SIZE; it scales to the width of the screen
CENTRE = SIZE / 2
# The outer edge of each circle, and the ring between two edges where its dots go.
EDGES = {Circle.CLOSEST: 62, Circle.MIDDLE: 108, Circle.OUTER: 154}
DOT_RINGS = {Circle.CLOSEST: 40, Circle.MIDDLE: 85, Circle.OUTER: 131}
DOT_RADIUS = 14
# Where the first dot of each circle sits: turned a little per circle, so the dots of
# neighbouring circles do not line up on one spoke.
START_ANGLE = {Circle.CLOSEST: -90, Circle.MIDDLE: -75, Circle.OUTER: -60}


@dataclass(frozen=True)
class Ring:
    circle: int
    radius: int


@dataclass(frozen=True)
class Dot:
    person: Person
    x: float
    y: float
    radius: float
    font_size: float


@dataclass(frozen=True)
class Picture:
    size: int
    centre: float
    rings: list[Ring]
    dots: list[Dot]


def draw(people: Sequence[Person]) -> Picture:
    """The rings, and each person's dot spread evenly around their circle; dots get
    smaller when a circle is crowded, so they never overlap."""
    dots: list[Dot] = []
    for circle in Circle:
        members = [person for person in people if person.circle == circle]
        if not members:
            continue
        ring = DOT_RINGS[circle]
        step = 2 * math.pi / len(members)
        # Half the distance between two neighbours, less a little air.
        radius = (
            min(DOT_RADIUS, ring * math.sin(step / 2) * 0.9) if len(members) > 1 else DOT_RADIUS
        )
        for n, person in enumerate(members):
            angle = math.radians(START_ANGLE[circle]) + n * step
            dots.append(
                Dot(
                    person=person,
                    x=round(CENTRE + ring * math.cos(angle), 1),
                    y=round(CENTRE + ring * math.sin(angle), 1),
                    radius=round(radius, 1),
                    font_size=round(radius * 1.1, 1),
                )
            )
    rings = [Ring(circle=int(circle), radius=EDGES[circle]) for circle in reversed(Circle)]
    return Picture(size=SIZE, centre=CENTRE, rings=rings, dots=dots)
