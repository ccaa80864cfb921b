"""Dataclasses for the way to a child's first step, made without compiling code.

On Python 3.11 ``@dataclass`` writes a class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and (frozen) ``__setattr__`` and ``__delattr__`` as source text and compiles
each: 0.5–1.7 ms a class, and the 22 classes imported before the first step is painted cost
~5 % of the instructions of that start. :func:`fast_dataclass` lets
:func:`dataclasses.dataclass` find the fields (so ``fields``, ``replace``, ``asdict`` and
``match`` work as they do for any dataclass) and gives the class those methods as closures
over its fields, which do what the generated ones do (``tests/unit/test_fast_dataclass.py``
holds them to it). Making a class costs ~0.06 ms; making an instance is a little slower
(~1.6 µs against ~1.3, six of thirteen fields given).

It covers what slc's records need: fields with or without defaults and default factories,
``__post_init__``, ``ClassVar``, frozen (the default) or not. It refuses, when the class is
made, what it does not do: ``InitVar``, ``kw_only`` and ``field(init=False)``.
``inspect.signature`` of such a class shows ``(*args, **kwargs)``.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["fast_dataclass"]

_T = TypeVar("_T", bound=type)
_set_attribute = object.__setattr__


@overload
def fast_dataclass(cls: _T, /) -> _T: ...
@overload
def fast_dataclass(*, frozen: bool = True) -> Callable[[_T], _T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def fast_dataclass(cls: _T | None = None, /, *, frozen: bool = True) -> Any:
    """``@dataclass(frozen=True)`` (or, with ``frozen=False``, ``@dataclass``), made fast."""

    def make(cls: _T) -> _T:
        return _make(cls, frozen)

    return make if cls is None else make(cls)


def _make(cls: _T, frozen: bool) -> _T:
    own = dict(cls.__dict__)  # what the class body defined, before dataclasses adds to it
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)  # fields, match args
    fields = dataclasses.fields(cls)
    _refuse_what_is_not_done(cls, fields)
    names = tuple(field.name for field in fields)
    methods: dict[str, Callable[..., Any] | None] = {
        "__init__": _init(cls, fields, frozen),
        "__repr__": _repr(tuple(field.name for field in fields if field.repr)),
        "__eq__": _eq(tuple(field.name for field in fields if field.compare)),
    }
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _frozen(cls, names)
        for name in ("__setattr__", "__delattr__"):
            if name in own:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
        if not explicit_hash:
            hashed = tuple(
                field.name
                for field in fields
                if (field.compare if field.hash is None else field.hash)
            )
            methods["__hash__"] = _hash(hashed)
    elif not explicit_hash:
        methods["__hash__"] = None  # (as for any dataclass that compares and can change)
    for name, method in methods.items():
        if name in own and name != "__hash__":
            continue  # the class's own, as @dataclass leaves it
        if method is not None:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            method.__module__ = cls.__module__
        setattr(cls, name, method)
    return cls


def _refuse_what_is_not_done(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    """TypeError for what :func:`fast_dataclass` does not make (use ``@dataclass``)."""
    made = {field.name for field in fields}
    for name, pseudo in cls.__dataclass_fields__.items():  # type: ignore[attr-defined]
        if name not in made and "InitVar" in str(pseudo.type):
            raise TypeError(f"{cls.__qualname__}.{name}: fast_dataclass takes no InitVar")
    with_default = None
    for field in fields:
        if field.kw_only or not field.init:
            raise TypeError(
                f"{cls.__qualname__}.{field.name}: fast_dataclass takes no kw_only or "
                "init=False fields"
            )
        if field.default is not MISSING or field.default_factory is not MISSING:
            with_default = field.name
        elif with_default is not None:
            raise TypeError(f"non-default argument {field.name!r} follows default argument")


def _init(
    cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool
) -> Callable[..., None]:
    """``__init__(self, *fields)``: each field by position or name, else its default."""
    names = tuple(field.name for field in fields)
    count = len(names)
    defaults = {field.name: field.default for field in fields if field.default is not MISSING}
    factories = {
        field.name: field.default_factory
        for field in fields
        if field.default_factory is not MISSING
    }
    assign = _set_attribute if frozen else setattr
    post_init = getattr(cls, "__post_init__", None)
    label = f"{cls.__qualname__}.__init__()"

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > count:
            raise TypeError(
                f"{label} takes {count + 1} positional arguments but {len(args) + 1} were given"
            )
        for name, value in zip(names, args, strict=False):  # (the rest by name or default)
            assign(self, name, value)
        if kwargs or len(args) < count:
            for name in names[len(args) :]:
                if name in kwargs:
                    assign(self, name, kwargs.pop(name))
                elif name in defaults:
                    assign(self, name, defaults[name])
                elif name in factories:
                    assign(self, name, factories[name]())
                else:
                    raise TypeError(f"{label} missing required argument: {name!r}")
            if kwargs:
                name = next(iter(kwargs))
                if name in names:
                    raise TypeError(f"{label} got multiple values for argument {name!r}")
                raise TypeError(f"{label} got an unexpected keyword argument {name!r}")
        if post_init is not None:
            post_init(self)

    return __init__


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of ``names``' values of an object (as the generated methods compare)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _eq(names: tuple[str, ...]) -> Callable[[Any, Any], Any]:
    values = _values(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(names: tuple[str, ...]) -> Callable[[Any], int]:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _frozen(
    cls: type[Any], names: tuple[str, ...]
) -> tuple[Callable[[Any, str, Any], None], Callable[[Any, str], None]]:
    """``__setattr__`` and ``__delattr__`` that refuse (``FrozenInstanceError``)."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__
