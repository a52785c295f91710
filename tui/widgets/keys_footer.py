"""Textual's footer, rebuilt only when the keys it would show change."""

from __future__ import annotations

from textual.widgets import Footer


class KeysFooter(Footer):
    """The footer of the timeline screen.

    Textual rebuilds every key of the footer on each bindings signal: two per change of focus,
    one when a screen becomes active. Opening the timeline sends three, and rebuilding the keys
    three times took longer than the first page's query on a million events.
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown_keys: tuple[object, ...] | None = None
        """What the last rebuild showed: the keys, their state and how they display."""

    def _keys(self) -> tuple[object, ...]:
        active = self.screen.active_bindings.values()
        keys = tuple(
            (binding, enabled, tooltip, self.app.get_key_display(binding))
            for _, binding, enabled, tooltip in active
            if binding.show
        )
        return (keys, self.compact, self.show_command_palette, self.combine_groups)

    async def recompose(self) -> None:
        """Rebuild the keys unless they are those already shown (or the footer left its screen)."""
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self.shown_keys:
            return
        self.shown_keys = keys
        await super().recompose()
