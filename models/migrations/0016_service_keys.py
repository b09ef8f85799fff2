"""The installation's shared secrets: the key that signs download links, made on first use."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0015_terms_versions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ServiceKey',
            fields=[
                ('name', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=64)),
                ('secret', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'service_key', 'app': 'models', 'pk_attr': 'name', 'table_description': 'One named secret of the installation, random, never shown by the API.'},
            bases=['Model'],
        ),
    ]
