"""Positions for graphs too big for the browser's physics to settle.

networkx's spring_layout compares every pair of nodes on every iteration: minutes for
5,000 nodes. This is Fruchterman-Reingold with the repulsion split in two: far away, a node
is pushed by the mass of each cell of a coarse grid; close by, by each neighbour found with
a k-d tree. An iteration then costs n times the number of cells instead of n squared.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

SPACING = 110.0
"""Typical distance from a node to its nearest neighbour, in vis-network canvas units:
room for a node and its label at the zoom where labels become legible."""


def spread_layout(
    graph: nx.Graph,
    *,
    iterations: int = 50,
    seed: int = 0,
    grid: int = 16,
    gravity: float = 1.0,
    fixed: Mapping[Hashable, tuple[float, float]] | None = None,
) -> dict[Hashable, tuple[float, float]]:
    """Canvas positions for every node; deterministic for a given graph and seed.

    `fixed` pins nodes already placed (canvas units, as this function returns them) and
    lays the others out around them: the page lays out its overview alone, so the few
    hundred actors it opens on are spread for reading, and places the rest among them.
    """
    nodes = list(graph)
    count = len(nodes)
    if count == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    k = 1.0
    side = k * math.sqrt(count) * 1.5
    rng = np.random.default_rng(seed)
    pos = rng.uniform(0.0, side, size=(count, 2))
    temperature = side / 10.0
    pinned = np.zeros(count, dtype=bool)
    if fixed:
        pinned = _pin(pos, pinned, index, edges, fixed, rng)
        # Free nodes start beside their neighbours: small steps keep them there.
        temperature = min(temperature, 3.0)
    cooling = (0.01 / 10.0) ** (1.0 / max(iterations, 1))
    # As in ForceAtlas2, an actor's mass is its number of neighbours plus one: hubs push
    # each other, and their crowd of minor actors, apart instead of piling up in the centre.
    mass = 1.0 + np.bincount(edges.ravel(), minlength=count).astype(float)
    for _ in range(iterations):
        disp = _far_repulsion(pos, mass, k, grid)
        close = cKDTree(pos).query_pairs(k, output_type="ndarray")
        if len(close):
            weight = mass[close[:, 0]] * mass[close[:, 1]]
            _push(disp, pos, close, lambda dist, w=weight: w * k * k / dist)
        if len(edges):
            _push(disp, pos, edges, lambda dist: -dist * dist / k)
        # Gravity grows with the square of the distance so lone actors and small groups,
        # pushed by everyone's repulsion, stop at the rim of the picture and not far away.
        offset = pos - pos.mean(axis=0)
        reach = np.hypot(offset[:, 0], offset[:, 1]) * mass
        disp -= gravity * offset * reach[:, None] / k
        disp[pinned] = 0.0
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= cooling
    if fixed and pinned.any():
        pos *= SPACING
        pos[pinned] = [fixed[nodes[i]] for i in np.flatnonzero(pinned)]
    else:
        pos -= pos.mean(axis=0)
        if count > 1:
            nearest = cKDTree(pos).query(pos, k=2)[0][:, 1]
            pos *= SPACING / max(float(np.median(nearest)), 1e-9)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}


def _pin(
    pos: np.ndarray,
    pinned: np.ndarray,
    index: Mapping[Hashable, int],
    edges: np.ndarray,
    fixed: Mapping[Hashable, tuple[float, float]],
    rng: np.random.Generator,
) -> np.ndarray:
    """Put pinned nodes at their places (in layout units) and every free node beside the
    pinned nodes it is joined to, else somewhere over the pinned area."""
    pinned = pinned.copy()
    for node, (x, y) in fixed.items():
        if node in index:
            pinned[index[node]] = True
            pos[index[node]] = (x / SPACING, y / SPACING)
    if not pinned.any():
        return pinned
    low, high = pos[pinned].min(axis=0), pos[pinned].max(axis=0)
    free = ~pinned
    pos[free] = rng.uniform(low, high + 1e-9, size=(int(free.sum()), 2))
    if len(edges):
        # Both directions: a free node takes the mean place of its pinned neighbours.
        src = np.concatenate((edges[:, 0], edges[:, 1]))
        dst = np.concatenate((edges[:, 1], edges[:, 0]))
        useful = free[src] & pinned[dst]
        src, dst = src[useful], dst[useful]
        size = len(pos)
        hits = np.bincount(src, minlength=size)
        placed = hits > 0
        for axis in (0, 1):
            total = np.bincount(src, weights=pos[dst, axis], minlength=size)
            pos[placed, axis] = total[placed] / hits[placed]
        pos[placed] += rng.uniform(-0.5, 0.5, size=(int(placed.sum()), 2))
    return pinned


def _far_repulsion(pos: np.ndarray, weights: np.ndarray, k: float, grid: int) -> np.ndarray:
    """Repulsion from every occupied grid cell, as if its nodes' mass sat at their centroid."""
    low = pos.min(axis=0)
    span = float((pos.max(axis=0) - low).max()) + 1e-9
    cells = np.minimum(((pos - low) / span * grid).astype(np.int64), grid - 1)
    flat = cells[:, 0] * grid + cells[:, 1]
    mass = np.bincount(flat, weights=weights, minlength=grid * grid)
    used = mass > 0
    centre_x = (
        np.bincount(flat, weights=pos[:, 0] * weights, minlength=grid * grid)[used] / mass[used]
    )
    centre_y = (
        np.bincount(flat, weights=pos[:, 1] * weights, minlength=grid * grid)[used] / mass[used]
    )
    dx = pos[:, 0, None] - centre_x[None, :]
    dy = pos[:, 1, None] - centre_y[None, :]
    softening = (span / grid) ** 2 / 4.0
    strength = k * k * weights[:, None] * mass[used][None, :] / (dx * dx + dy * dy + softening)
    return np.stack(((dx * strength).sum(axis=1), (dy * strength).sum(axis=1)), axis=1)


def _push(
    disp: np.ndarray,
    pos: np.ndarray,
    pairs: np.ndarray,
    force: Callable[[np.ndarray], np.ndarray],
) -> None:
    """Add a force along each pair: positive pushes the two apart, negative pulls together."""
    first, second = pairs[:, 0], pairs[:, 1]
    delta = pos[first] - pos[second]
    dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-3)
    vec = delta / dist[:, None] * force(dist)[:, None]
    size = len(pos)
    for axis in (0, 1):
        disp[:, axis] += np.bincount(first, weights=vec[:, axis], minlength=size)
        disp[:, axis] -= np.bincount(second, weights=vec[:, axis], minlength=size)
