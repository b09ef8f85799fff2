"""An outbox row holds its notice's data; the dispatcher writes it out when it sends it.

Rows queued before hold their text already and are sent as they are.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0013_sealed_idempotent_answers')]

    initial = False

    operations = [
        ops.AddField(
            model_name='OutboxMail',
            name='notice',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
