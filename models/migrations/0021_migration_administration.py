"""The model of one administration in an offer is named as the schema names it; its table stays."""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops


class RenameModel(ops.RenameModel):
    """Tortoise's RenameModel, also re-rendering the models the renamed one points at.

    Tortoise 1.1 re-renders only the renamed model, so a model it points at keeps the old name's
    backward relation and refuses the new one as a duplicate; re-rendering those drops it.
    """

    def state_forward(self, app_label: str, state: Any) -> None:
        pointed_at = state._find_related_models(app_label, self.old_name)
        pointed_at.discard((app_label, self.old_name))

        def reload_with_related(label: str, name: str) -> None:
            state._reload(pointed_at | {(label, name)})

        state.reload_model = reload_with_related
        try:
            super().state_forward(app_label, state)
        finally:
            del state.reload_model


class Migration(migrations.Migration):
    dependencies = [('models', '0020_move_pace')]

    initial = False

    operations = [
        RenameModel(old_name='MigrationItem', new_name='MigrationAdministration'),
    ]
