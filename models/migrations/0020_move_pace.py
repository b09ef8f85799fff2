"""When the worker last reported a move's documents done, which gives the move's pace.

It changes only with documents_done, which the progress news trigger (0011) already watches.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0019_webhooks')]

    initial = False

    operations = [
        ops.AddField(
            model_name='MigrationItem',
            name='progress_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
