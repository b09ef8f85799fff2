"""Answers kept under an Idempotency-Key belong to one token and are sealed with its secret.

The rows of before were kept per user and in clear, and cannot be sealed without the tokens'
secrets, which are not stored: the table is dropped and made again. A client that sends a key
again within a day of the upgrade has its mutation run anew.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


class Migration(migrations.Migration):
    dependencies = [('models', '0012_recipient_checks')]

    initial = False

    operations = [
        ops.DeleteModel(name='IdempotentRequest'),
        ops.CreateModel(
            name='IdempotentRequest',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token', fields.ForeignKeyField('models.ApiToken', source_field='token_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=255)),
                ('request_mac', fields.CharField(max_length=64)),
                ('sealed_answer', fields.BinaryField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'idempotent_request', 'app': 'models', 'unique_together': (('token', 'key'),), 'indexes': [Index(fields=['created_at'])], 'pk_attr': 'id', 'table_description': 'One mutation request under its Idempotency-Key, with the answer it got, sealed.'},
            bases=['Model'],
        ),
    ]
