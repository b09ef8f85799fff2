"""The version of the terms accepted: on the offer by its requester, on each item by its receiver.

Offers and claims made before versions keep NULL: they accepted the terms of their day.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0014_notices_written_when_sent')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Migration',
            name='terms_version',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AddField(
            model_name='MigrationItem',
            name='reception_terms_version',
            field=fields.CharField(null=True, max_length=32),
        ),
    ]
