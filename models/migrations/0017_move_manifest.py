"""The SHA-256 of a completed move's manifest, which is also its key in the file store.

Moves completed before manifests keep NULL: they have none.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0016_service_keys')]

    initial = False

    operations = [
        ops.AddField(
            model_name='MigrationItem',
            name='manifest_sha256',
            field=fields.CharField(null=True, max_length=64),
        ),
    ]
