"""Sets of answer combinations as bit boxes: the algebra behind evaluation and static checks.

Each question owns a 3-bit slot (yes=1, no=2, unknown=4). A *point* (one set of answers) has
exactly one bit per slot; a *box* (what a rule row accepts) may have several. A point is in a
box when `point & box == point`. A *region* is a list of disjoint boxes, so the set of inputs
that reach a rule (its own box minus every earlier row) can be computed exactly, without
enumerating the 3^n combinations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rightcare.engine.vocab import Answer

BITS: dict[Answer, int] = {Answer.YES: 1, Answer.NO: 2, Answer.UNKNOWN: 4}
ANSWER_OF_BIT: dict[int, Answer] = {bit: answer for answer, bit in BITS.items()}
ANY = 7
SLOT = 3


class Space:
    """The answer space of one policy: `n` questions, each a 3-bit slot."""

    __slots__ = ("full", "low", "n")

    def __init__(self, n: int) -> None:
        self.n = n
        self.low = sum(1 << (SLOT * i) for i in range(n))
        self.full = ANY * self.low

    def nonempty(self, box: int) -> bool:
        """True when every slot of `box` accepts at least one answer."""
        spread = box | (box >> 1) | (box >> 2)
        return spread & self.low == self.low

    def intersects(self, a: int, b: int) -> bool:
        return self.nonempty(a & b)

    @staticmethod
    def slot(box: int, i: int) -> int:
        return (box >> (SLOT * i)) & ANY

    @staticmethod
    def with_slot(box: int, i: int, bits: int) -> int:
        shift = SLOT * i
        return (box & ~(ANY << shift)) | (bits << shift)

    def subtract(self, a: int, b: int) -> list[int]:
        """`a` minus `b` as disjoint boxes."""
        if not self.nonempty(a & b):
            return [a]
        pieces: list[int] = []
        current = a
        for i in range(self.n):
            a_bits = self.slot(current, i)
            outside = a_bits & ~self.slot(b, i) & ANY
            if outside:
                pieces.append(self.with_slot(current, i, outside))
                current = self.with_slot(current, i, a_bits & ~outside)
        return pieces

    def subtract_region(self, region: Iterable[int], b: int) -> list[int]:
        out: list[int] = []
        for box in region:
            out.extend(self.subtract(box, b))
        return out

    def clip(self, region: Iterable[int], b: int) -> list[int]:
        """The part of `region` inside box `b`."""
        return [box & b for box in region if self.nonempty(box & b)]

    def example(self, box: int, prefer: Sequence[int] = (2, 1, 4)) -> list[int]:
        """One point of a non-empty box, as a bit per slot (prefers `no`, then `yes`)."""
        point: list[int] = []
        for i in range(self.n):
            bits = self.slot(box, i)
            point.append(next(bit for bit in prefer if bits & bit))
        return point

    def merge(self, region: list[int]) -> list[int]:
        """Fewer, larger boxes covering the same points: join pairs that differ in one slot.

        The pieces of one region are disjoint, so two that agree on every slot but one are the
        same points as one box holding both values there.
        """
        boxes = list(region)
        merged = True
        while merged:
            merged = False
            for i, a in enumerate(boxes):
                for j in range(i + 1, len(boxes)):
                    b = boxes[j]
                    diff = a ^ b
                    spread = diff | (diff >> 1) | (diff >> 2)
                    if spread & self.low and (spread & self.low) & ((spread & self.low) - 1) == 0:
                        boxes[i] = a | b
                        del boxes[j]
                        merged = True
                        break
                if merged:
                    break
        return boxes
