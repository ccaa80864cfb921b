"""``fast_dataclass`` makes classes that behave as ``@dataclass`` makes them.

Each test builds the same class body twice, with ``dataclasses.dataclass`` and with
``fast_dataclass``, and holds the second to what the first does.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any, ClassVar

import pytest

from slc_tui.core.fast_dataclass import fast_dataclass

Maker = Callable[[type], Any]


def _both(frozen: bool) -> list[tuple[str, Maker]]:
    return [
        ("dataclass", dataclass(frozen=frozen)),
        ("fast", fast_dataclass if frozen else fast_dataclass(frozen=False)),
    ]


def _pieces(make: Maker) -> Any:
    class Piece:
        """A class as slc's records are: required fields, defaults, a factory, a ClassVar."""

        KIND: ClassVar[str] = "piece"
        id: str
        title: str
        score: float = 0.0
        tags: list[str] = field(default_factory=list)
        note: str = field(default="", repr=False)
        seen: int = field(default=0, compare=False)

    return make(Piece)


def _outcome(call: Callable[[], object]) -> object:
    """What ``call`` returns, or the type of what it raises (as a comparable value)."""
    try:
        return call()
    except Exception as error:  # (the comparison is the test)
        return type(error)


@pytest.mark.parametrize("frozen", [True, False])
def test_making_instances_works_as_for_a_dataclass(frozen: bool) -> None:
    made = {name: _pieces(make) for name, make in _both(frozen)}
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        (("a", "A"), {}),
        (("a",), {"title": "A", "tags": ["x"]}),
        ((), {"id": "a", "title": "A", "score": 2.5, "note": "n", "seen": 3}),
        (("a", "A", 1.0, ["t"], "n", 4), {}),
        (("a",), {}),  # missing title
        (("a", "A", 1.0, [], "", 0, "extra"), {}),  # too many
        (("a", "A"), {"colour": "red"}),  # unknown
        (("a", "A"), {"id": "b"}),  # twice
    ]
    for args, kwargs in calls:
        results = [
            _outcome(lambda cls=cls, args=args, kwargs=kwargs: repr(cls(*args, **kwargs)))
            for cls in made.values()
        ]
        assert results[0] == results[1], (args, kwargs)
    for cls in made.values():
        first, second = cls("a", "A"), cls("a", "A")
        assert first.tags == [] and first.tags is not second.tags  # a new list each time


@pytest.mark.parametrize("frozen", [True, False])
def test_equality_hash_and_repr_are_a_dataclass_s(frozen: bool) -> None:
    nan = float("nan")
    for (_, real), (_, fast) in [tuple(_both(frozen))]:
        real_cls, fast_cls = _pieces(real), _pieces(fast)
        pairs = [
            (("a", "A"), ("a", "A")),
            (("a", "A"), ("a", "B")),
            (("a", "A", nan), ("a", "A", nan)),  # the same NaN: equal, as in a tuple
            (("a", "A", 1.0, [], "", 1), ("a", "A", 1.0, [], "", 2)),  # seen is not compared
            (("a", "A", 1.0, [], "x"), ("a", "A", 1.0, [], "y")),  # note is compared
        ]
        for left, right in pairs:
            left = tuple(nan if value is nan else value for value in left)
            assert (real_cls(*left) == real_cls(*right)) == (fast_cls(*left) == fast_cls(*right))
            assert repr(real_cls(*left)) == repr(fast_cls(*left))
        assert fast_cls("a", "A") != real_cls("a", "A")  # another class: never equal
        assert (fast_cls("a", "A") == ("a", "A")) is False
        if frozen:
            assert hash(fast_cls("a", "A", tags=())) == hash(real_cls("a", "A", tags=()))
            assert hash(fast_cls("a", "A", tags=(), seen=1)) == hash(fast_cls("a", "A", tags=()))
        else:
            assert fast_cls.__hash__ is None and real_cls.__hash__ is None


def test_a_frozen_instance_refuses_changes_as_a_dataclass_does() -> None:
    for _, make in _both(True):
        piece = _pieces(make)("a", "A")
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'title'"):
            piece.title = "B"
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'other'"):
            piece.other = 1
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'title'"):
            del piece.title
        assert piece.title == "A"


def test_a_mutable_one_can_change() -> None:
    cls = _pieces(fast_dataclass(frozen=False))
    piece = cls("a", "A")
    piece.title = "B"
    piece.tags.append("t")
    assert piece == cls("a", "B", tags=["t"])


def test_the_dataclasses_functions_and_match_work() -> None:
    for _, make in _both(True):
        cls = _pieces(make)
        piece = cls("a", "A", 1.0, ["t"], "n", 2)
        assert [f.name for f in dataclasses.fields(piece)] == [
            "id",
            "title",
            "score",
            "tags",
            "note",
            "seen",
        ]
        assert dataclasses.is_dataclass(piece)
        assert dataclasses.replace(piece, title="B").title == "B"
        assert dataclasses.asdict(piece)["tags"] == ["t"]
        assert dataclasses.astuple(piece)[:2] == ("a", "A")
        assert cls.KIND == "piece" and "KIND" not in dataclasses.asdict(piece)
        match piece:
            case cls(identifier, title):
                assert (identifier, title) == ("a", "A")
            case _:
                pytest.fail("no match")
        assert copy.deepcopy(piece) == piece and copy.copy(piece) == piece


@fast_dataclass
class _Pickled:
    """At module level, to be pickled."""

    name: str
    parts: tuple[str, ...] = ()


def test_a_frozen_instance_pickles() -> None:
    value = _Pickled("a", ("b",))
    assert pickle.loads(pickle.dumps(value)) == value


def test_post_init_runs_and_own_methods_are_kept() -> None:
    for _, make in _both(True):

        class Cleaned:
            """Cleans its name, says itself its own way."""

            name: str

            def __post_init__(self) -> None:
                object.__setattr__(self, "name", self.name.strip())

            def __repr__(self) -> str:
                return f"<{self.name}>"

        cls = make(Cleaned)
        assert repr(cls("  maya ")) == "<maya>"
        assert cls(" a") == cls("a ")


def test_a_repr_that_refers_to_itself_stops() -> None:
    for _, make in _both(False):

        class Node:
            """Holds a list that may hold itself."""

            items: list[Any]

        node = make(Node)([])
        node.items.append(node)
        assert repr(node).endswith(".Node(items=[...])")


def test_what_it_does_not_make_is_refused_when_the_class_is_made() -> None:
    class Late:
        """A field without a default after one with."""

        a: str = ""
        b: str

    class KeywordOnly:
        """A keyword-only field."""

        a: str = field(kw_only=True)

    class NotInInit:
        """A field left out of __init__."""

        a: str = field(init=False, default="")

    class WithInitVar:
        """An InitVar."""

        a: dataclasses.InitVar[str]

    for cls, words in [
        (Late, "non-default argument 'b' follows default argument"),
        (KeywordOnly, "no kw_only"),
        (NotInInit, "init=False"),
        (WithInitVar, "no InitVar"),
    ]:
        with pytest.raises(TypeError, match=words):
            fast_dataclass(cls)
